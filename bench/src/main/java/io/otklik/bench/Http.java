package io.otklik.bench;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP plumbing shared by the load tools: a client bound to this machine, JSON strings, and signing in to pages. */
final class Http {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\"_csrf\"");

    private Http() {
    }

    /** The base URL, refused unless it points at this machine: load is never sent anywhere else. */
    static URI localBase(String url) throws UnknownHostException {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        InetAddress host;
        try {
            host = uri.getHost() == null ? null : InetAddress.getByName(uri.getHost());
        } catch (UnknownHostException e) {
            host = null;
        }
        if (host == null || !host.isLoopbackAddress()) {
            throw new IllegalArgumentException("only this machine may be loaded: use http://127.0.0.1:PORT, got "
                    + url);
        }
        return uri;
    }

    /** HTTP/1.1 like a browser behind a plain proxy; redirects are not followed, so a bounce to /login shows. */
    static HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER);
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Signs in through the sign-in form, as a person would: reads the CSRF token from the page, posts the form, and
     * leaves the session cookie in the client's cookie store. Returns why it failed, or null on success.
     */
    static String signIn(HttpClient client, URI base, String user, String password) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            return "GET /login answered " + page.statusCode();
        }
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            return "no _csrf field on the sign-in page";
        }
        String csrf = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<Void> posted = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("/login")) {
            return "sign-in as " + user + " answered " + posted.statusCode() + " " + location;
        }
        return null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
