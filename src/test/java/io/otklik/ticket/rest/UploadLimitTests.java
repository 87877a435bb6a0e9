package io.otklik.ticket.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.otklik.ApiTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * Uploads over the servlet container's own multipart limit, on a real server: they are answered by the API's
 * problem+json 413 (because multipart is resolved lazily, inside the controller's error handling), not by a
 * bare container error. The container limit is set below the application's attachment limit here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=256KB", "spring.servlet.multipart.max-request-size=512KB"})
class UploadLimitTests extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void answersUploadOverTheContainerLimitWith413Problem() throws Exception {
        Staff admin = admin();
        MvcResult created = mvc.perform(postJson(admin, """
                        {"subject": "Скриншот", "description": "Прикладываю.", "requester": {"email": "%s@example.ru"}}"""
                        .formatted(unique("u")), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn();
        long number = body(created).get("number").asLong();

        byte[] file = new byte[300 * 1024];
        Arrays.fill(file, (byte) 'x');
        String boundary = "otklik-test-boundary";
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPUBLIC_REPLY\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(file);
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/tickets/" + number + "/messages"))
                    .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "ru")
                    .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString("")).isEqualTo("https://otklik.io/problems/too-large");
        assertThat(problem.path("detail").asString("")).isEqualTo("Файл слишком большой.");
        JsonNode messages = body(mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", number)).andReturn());
        assertThat(messages.size()).isEqualTo(1);
    }
}
