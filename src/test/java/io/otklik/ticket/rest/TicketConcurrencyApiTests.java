package io.otklik.ticket.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.otklik.ApiTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/** Simultaneous API calls: changes guarded by the version, numbers drawn without collisions. */
class TicketConcurrencyApiTests extends ApiTest {

    @Value("${otklik.tickets.number-prefix}")
    String prefix;

    Staff admin;

    @BeforeEach
    void staff() {
        admin = admin();
    }

    @Test
    void letsExactlyOneOfTwoChangesOfTheSameVersionThrough() throws Exception {
        for (int round = 0; round < 3; round++) {
            long number = open(unique("race"));
            long version = body(mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number)).andReturn())
                    .get("version").asLong();
            List<Callable<Integer>> patches = List.of(
                    () -> patch(number, "HIGH", version),
                    () -> patch(number, "LOW", version));

            List<Integer> statuses = runTogether(patches);

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            String winner = statuses.get(0) == 200 ? "HIGH" : "LOW";
            JsonNode ticket = body(mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number)).andReturn());
            assertThat(ticket.get("priority").asString()).isEqualTo(winner);
            assertThat(ticket.get("version").asLong()).isEqualTo(version + 1);
            long priorityChanges = 0;
            for (JsonNode entry : body(mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", number))
                    .andReturn())) {
                priorityChanges += entry.get("field").asString().equals("priority") ? 1 : 0;
            }
            assertThat(priorityChanges).isEqualTo(1);
        }
    }

    @Test
    void numbersTicketsOpenedFromEightThreadsUniquelyAndInOrder() throws Exception {
        long before = body(mvc.perform(getAs(admin, "/api/v1/tickets").param("sort", "created_desc")
                .param("size", "1")).andReturn()).at("/items/0/number").asLong(0);
        String tag = unique("numbers");
        int threads = 8;
        int perThread = 5;
        List<Callable<List<JsonNode>>> openers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            openers.add(() -> {
                List<JsonNode> opened = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    MvcResult result = mvc.perform(postJson(admin, """
                                    {"subject": "Параллельно", "description": "Текст.", "tags": ["%s"],
                                     "requester": {"email": "%s@example.ru"}}""".formatted(tag, unique("n")),
                                    "/api/v1/tickets"))
                            .andExpect(status().isCreated()).andReturn();
                    opened.add(body(result));
                }
                return opened;
            });
        }

        List<List<JsonNode>> results = runTogether(openers);

        List<Long> all = new ArrayList<>();
        for (List<JsonNode> ofThread : results) {
            List<Long> numbers = ofThread.stream().map(t -> t.get("number").asLong()).toList();
            assertThat(numbers).isSorted().doesNotHaveDuplicates();
            for (JsonNode ticket : ofThread) {
                assertThat(ticket.get("reference").asString()).isEqualTo(prefix + ticket.get("number").asLong());
            }
            all.addAll(numbers);
        }
        assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates().allMatch(n -> n > before);
        assertThat(body(mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag)).andReturn())
                .get("total").asLong()).isEqualTo(threads * perThread);
    }

    private int patch(long number, String priority, long version) throws Exception {
        return mvc.perform(patchJson(admin, "{\"priority\": \"%s\", \"version\": %d}".formatted(priority, version),
                "/api/v1/tickets/{number}", number)).andReturn().getResponse().getStatus();
    }

    private long open(String tag) throws Exception {
        MvcResult result = mvc.perform(postJson(admin, """
                        {"subject": "Гонка", "description": "Текст.", "tags": ["%s"],
                         "requester": {"email": "%s@example.ru"}}""".formatted(tag, unique("r")), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn();
        return body(result).get("number").asLong();
    }

    /** Starts all tasks at the same moment on their own threads and waits for every result. */
    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
