package io.otklik.channel.email;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * HTML from outside made safe to show, and read as plain text. Kept: the usual formatting (jsoup's relaxed list:
 * paragraphs, lists, tables, links, images) and images from the message itself ({@code cid:}) or embedded
 * ({@code data:image/…}); gone: scripts, styles, event handlers, frames, forms and anything else not on the list.
 */
final class MailHtml {

    private static final Safelist SAFE = Safelist.relaxed()
            .addProtocols("img", "src", "cid", "data")
            .addAttributes("td", "align", "valign")
            .addAttributes("th", "align", "valign");

    // Selectors parsed once: parsing one costs about as much as matching it against a whole mail.
    private static final Evaluator ACTIVE = QueryParser.parse("script, iframe, frame, frameset, object, embed, "
            + "applet, form, input, button, textarea, select, base, meta[http-equiv=refresh]");
    private static final Evaluator IMAGES = QueryParser.parse("img[src]");
    private static final Evaluator INVISIBLE = QueryParser.parse("script, style, head, title");

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "table", "ul", "ol", "hr", "dt", "dd");

    private MailHtml() {
    }

    /** The sanitized body (its contents, without html/head/body). */
    static Sanitized sanitize(String html) {
        Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html);
        dirty.head().empty();
        boolean removed = active(dirty);
        Document clean = new Cleaner(SAFE).clean(dirty);
        for (Element image : clean.select(IMAGES)) {
            String src = image.attr("src").strip().toLowerCase(java.util.Locale.ROOT);
            if (src.startsWith("data:") && !src.startsWith("data:image/")) {
                image.removeAttr("src");
                removed = true;
            }
        }
        clean.outputSettings().prettyPrint(false);
        return new Sanitized(clean.body().html(), removed);
    }

    /**
     * Whether the HTML has active content: scripts, frames, forms, plugins, event handlers or {@code javascript:}
     * links. Styles and unknown tags are dropped too, but every mail program writes those; they are not worth a note.
     */
    private static boolean active(Document html) {
        if (!html.select(ACTIVE).isEmpty()) {
            return true;
        }
        for (Element element : html.getAllElements()) {
            for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                if (name.startsWith("on") || value.startsWith("javascript:") || value.startsWith("vbscript:")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What sanitizing left, and whether it took active content out. */
    record Sanitized(String html, boolean removed) {
    }

    /** The text a person sees in the HTML: paragraphs and line breaks kept, markup and scripts gone. */
    static String text(String html) {
        Document document = Jsoup.parse(html == null ? "" : html);
        document.select(INVISIBLE).remove();
        StringBuilder out = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String words = text.text();
                    if (!words.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                        out.append(words);
                    }
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newline(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())
                        && !"br".equals(element.normalName())) {
                    newline(out);
                }
            }
        });
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
