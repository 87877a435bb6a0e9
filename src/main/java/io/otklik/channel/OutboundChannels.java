package io.otklik.channel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The outbound channels the application has, by name. */
@Component
class OutboundChannels {

    private final Map<String, OutboundChannel> byName;

    OutboundChannels(List<OutboundChannel> channels) {
        this.byName = channels.stream().collect(Collectors.toMap(OutboundChannel::channel, Function.identity()));
    }

    OutboundChannel of(String name) {
        OutboundChannel channel = byName.get(name);
        if (channel == null) {
            throw new IllegalStateException("No outbound channel " + name + "; known: " + byName.keySet());
        }
        return channel;
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }
}
