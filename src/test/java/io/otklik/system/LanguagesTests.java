package io.otklik.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every screen speaks Russian and English: each bundle has its twin with the same keys, every key used in a
 * template exists, and templates carry no text of their own.
 */
class LanguagesTests {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Attributes a person reads; they must come from the bundles (th:placeholder, th:title, …). */
    private static final Set<String> READABLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");
    /** Text that is not language: punctuation, arrows, digits, symbols, key names shown as keys. */
    private static final Pattern NOT_WORDS = Pattern.compile("[\\p{P}\\p{S}\\d\\s—–·←→]*");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[(}]");

    @Test
    void everyBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path russian : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path english = russian.resolveSibling(russian.getFileName().toString().replace(".properties", "_en.properties"));
                if (!Files.exists(english)) {
                    problems.add(russian.getFileName() + " has no English twin");
                    continue;
                }
                Set<String> ru = load(russian).stringPropertyNames();
                Set<String> en = load(english).stringPropertyNames();
                diff(ru, en).forEach(key -> problems.add(key + " is missing in " + english.getFileName()));
                diff(en, ru).forEach(key -> problems.add(key + " is missing in " + russian.getFileName()));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void russianBundlesAreInRussianAndEnglishInEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.toList()) {
                boolean english = file.getFileName().toString().contains("_en");
                Properties texts = load(file);
                for (String key : texts.stringPropertyNames()) {
                    String text = texts.getProperty(key);
                    if (english && text.matches(".*[А-Яа-яЁё].*") && !key.startsWith("language.")
                            && !key.equals("layout.switch-language")) {
                        problems.add(file.getFileName() + ": " + key + " is in Russian");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void templatesUseOnlyKeysThatExist() throws IOException {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                known.addAll(load(file).stringPropertyNames());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher keys = MESSAGE_KEY.matcher(Files.readString(template));
            while (keys.find()) {
                if (!known.contains(keys.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesContainNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            String name = TEMPLATES.relativize(template).toString();
            for (Element element : document.getAllElements()) {
                boolean textReplaced = replacesItsText(element) || element.tagName().equals("script")
                        || element.tagName().equals("style") || element.tagName().equals("title");
                for (TextNode text : textReplaced ? List.<TextNode>of() : element.textNodes()) {
                    if (!NOT_WORDS.matcher(text.text()).matches() && !isKeyName(element)) {
                        literals.add(name + ": <" + element.tagName() + "> \"" + text.text().strip() + "\"");
                    }
                }
                for (String attribute : READABLE_ATTRIBUTES) {
                    String value = element.attr(attribute);
                    boolean hidden = element.attr("type").equals("hidden") || element.tagName().equals("option")
                            || element.tagName().equals("input") && attribute.equals("value");
                    if (!value.isBlank() && !hidden && !NOT_WORDS.matcher(value).matches()) {
                        literals.add(name + ": " + element.tagName() + "[" + attribute + "=\"" + value + "\"]");
                    }
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    private static boolean replacesItsText(Element element) {
        return element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace")
                || element.hasAttr("th:errors");
    }

    /** Keyboard keys are shown as the key's own name ("Enter", "j"). */
    private static boolean isKeyName(Element element) {
        return element.hasClass("kbd");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
