package io.otklik.channel.webform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.otklik.shared.SupportedLanguages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * Putting the form on the company's own site: the script that frames it ({@code /support/embed.js}), the script
 * inside the frame that keeps the frame as tall as the form, and the administrator's page with the code to paste.
 */
@Controller
class EmbedController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final String embedScript;
    private final String frameScript;
    private final String publicUrl;
    private final WebFormProperties properties;

    EmbedController(MessageSource messages, JsonMapper json, WebFormProperties properties,
            @Value("${otklik.public-url}") String publicUrl) {
        Map<String, String> titles = new LinkedHashMap<>();
        SupportedLanguages.ALL.forEach(language -> titles.put(language.getLanguage(),
                messages.getMessage("webform.embed.frame-title", null, language)));
        this.embedScript = read("embed.js").replace("/*TITLES*/{}", json.writeValueAsString(titles));
        this.frameScript = read("frame.js");
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.properties = properties;
    }

    @GetMapping("/support/embed.js")
    ResponseEntity<String> embedScript() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CACHE).body(embedScript);
    }

    @GetMapping("/support/frame.js")
    ResponseEntity<String> frameScript() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CACHE).body(frameScript);
    }

    /** Under {@code /admin}, so for supervisors and administrators only. */
    @GetMapping("/admin/web-form")
    String admin(Model model) {
        model.addAttribute("formUrl", publicUrl + "/support/new");
        model.addAttribute("snippet", "<script src=\"" + publicUrl + "/support/embed.js\" data-lang=\"ru\" async></script>");
        model.addAttribute("anyOrigin", properties.embedOrigins().contains("*"));
        model.addAttribute("origins", String.join(" ", properties.embedOrigins()));
        return "channel/webform/admin";
    }

    private static String read(String name) {
        try (InputStream in = new ClassPathResource("templates/channel/webform/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
