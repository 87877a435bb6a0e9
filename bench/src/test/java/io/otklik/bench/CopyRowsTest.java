package io.otklik.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void escapesWhatCopyTextFormatTreatsSpecially() {
        CopyRows rows = new CopyRows(64);
        rows.add(7).add("a\tb\nc\\d\re").addNull().add(true).endRow();
        assertEquals("7\ta\\tb\\nc\\\\d\\re\t\\N\tt\n", new String(rows.bytes(), StandardCharsets.UTF_8));
        assertEquals(1, rows.rows());
    }

    @Test
    void writesTimestampsLikeTheJdkFormatter() {
        DateTimeFormatter expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            long millis = 1_600_000_000_000L + (long) (random.nextDouble() * 200_000_000_000L);
            CopyRows rows = new CopyRows(40);
            rows.addTime(millis).endRow();
            assertEquals(expected.format(Instant.ofEpochMilli(millis)) + "+00\n",
                    new String(rows.bytes(), StandardCharsets.UTF_8));
        }
    }
}
