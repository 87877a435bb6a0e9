package io.otklik.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The production calendars shipped with Otklik ({@code sla/calendars/<name>/<year>.txt}), read once: they are part
 * of the release.
 */
@Component
class ShippedHolidays {

    private final ResourcePatternResolver resources;
    private final Map<String, HolidayCalendar> read = new ConcurrentHashMap<>();
    private volatile List<String> names;

    ShippedHolidays(ResourcePatternResolver resources) {
        this.resources = resources;
    }

    /** The names of the shipped calendars, e.g. {@code ru}, sorted. */
    List<String> names() {
        List<String> known = names;
        if (known == null) {
            TreeSet<String> found = new TreeSet<>();
            try {
                for (Resource file : resources.getResources(BusinessCalendars.SHIPPED + "*/*.txt")) {
                    String url = file.getURL().toString();
                    String folder = url.substring(0, url.lastIndexOf('/'));
                    found.add(folder.substring(folder.lastIndexOf('/') + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            known = List.copyOf(found);
            names = known;
        }
        return known;
    }

    boolean exists(String name) {
        return names().contains(name);
    }

    /** The calendar of that name with all its years; no holidays for null. */
    HolidayCalendar get(String name) {
        if (name == null) {
            return HolidayCalendar.NONE;
        }
        return read.computeIfAbsent(name, n -> BusinessCalendars.shipped(n, resources));
    }
}
