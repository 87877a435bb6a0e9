package io.otklik.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification template's text with {@code {{variable}}} placeholders. Values are inserted as they are into the
 * plain-text part; the HTML part is made from the filled-in text with everything escaped, so nothing a customer
 * typed can become markup in a mail.
 */
final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9.\\-]+)\\s*}}");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private TemplateText() {
    }

    /** Variables the text uses that are not in {@code allowed}, in order of appearance. */
    static Set<String> unknownVariables(String text, List<String> allowed) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** The text with each known placeholder replaced; a variable without a value becomes empty. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A subject is one line. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** Simple, mail-client-friendly HTML of a filled-in text: escaped paragraphs, line breaks and links. */
    static String html(String filledText, String language) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : filledText.strip().split("\\R\\s*\\R")) {
            List<String> lines = new ArrayList<>();
            for (String line : paragraph.split("\\R")) {
                lines.add(linked(line));
            }
            body.append("<p style=\"margin:0 0 1em\">").append(String.join("<br>", lines)).append("</p>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"" + escape(language) + "\"><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222\">\n"
                + body + "</body></html>\n";
    }

    private static String linked(String line) {
        Matcher m = LINK.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(line.substring(last, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = m.end();
        }
        out.append(escape(line.substring(last)));
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
