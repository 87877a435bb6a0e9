package io.otklik.workspace.web;

import io.otklik.workspace.LiveUpdates;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The stream of live updates for the signed-in agent's open pages. */
@RestController
class EventsController {

    private final LiveUpdates live;

    EventsController(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return live.subscribe();
    }
}
