package io.otklik.system;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.otklik.ticket.NewAttachment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;

/**
 * The files demo tickets carry, made on the fly so the repository holds no binaries: an excerpt of a service
 * log and a screenshot of an error window (shapes only, so it needs no fonts on a headless server).
 */
final class DemoFiles {

    private static final Logger log = LoggerFactory.getLogger(DemoFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private DemoFiles() {
    }

    /** A log excerpt ending shortly before {@code now}. */
    static NewAttachment errorLog(Instant now) {
        Instant start = now.minusSeconds(17 * 60);
        String text = String.join("\n",
                STAMP.format(start) + " INFO  [sync-worker-3] i.o.sync.ContractorSync - Синхронизация контрагентов: "
                        + "начало, пакет 1 из 4 (250 записей)",
                STAMP.format(start.plusMillis(4_212)) + " INFO  [sync-worker-3] i.o.sync.ContractorSync - Пакет 1 "
                        + "загружен: 250 записей за 4,2 с",
                STAMP.format(start.plusMillis(64_870)) + " ERROR [sync-worker-3] i.o.sync.ContractorSync - Пакет 2 "
                        + "не загружен: сервер не ответил за 60 с",
                "java.net.SocketTimeoutException: Read timed out",
                "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)",
                "\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)",
                "\tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:931)",
                "\tat io.otklik.sync.ContractorSync.upload(ContractorSync.java:118)",
                STAMP.format(start.plusMillis(64_902)) + " WARN  [sync-worker-3] i.o.sync.ContractorSync - Повтор "
                        + "через 60 с (попытка 2 из 5)",
                STAMP.format(start.plusMillis(189_311)) + " ERROR [sync-worker-3] i.o.sync.ContractorSync - HTTP 409 "
                        + "Conflict: контрагент с ИНН 7701234567 уже существует (37 записей отклонено)",
                STAMP.format(start.plusMillis(189_340)) + " WARN  [sync-worker-3] i.o.sync.ContractorSync - "
                        + "Синхронизация завершена с ошибками: загружено 713, отклонено 37",
                "");
        return new NewAttachment("error.log", "text/plain; charset=UTF-8",
                new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A screenshot of an error window, or nothing where Java's imaging is not available. */
    static Optional<NewAttachment> screenshot() {
        try {
            BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xF5F6F8));
            g.fillRect(0, 0, 640, 400);
            g.setColor(new Color(0x1F2A44));
            g.fillRect(0, 0, 640, 36);
            g.setColor(new Color(0xDFE6F5));
            for (int x = 20; x < 260; x += 70) {
                g.fillRoundRect(x, 12, 54, 12, 6, 6);
            }
            g.setColor(Color.WHITE);
            g.fillRoundRect(120, 90, 400, 220, 12, 12);
            g.setColor(new Color(0xE3E6EB));
            g.drawRoundRect(120, 90, 400, 220, 12, 12);
            g.setColor(new Color(0xB42318));
            g.fillOval(150, 125, 56, 56);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(166, 141, 190, 165);
            g.drawLine(190, 141, 166, 165);
            g.setColor(new Color(0x667085));
            g.fillRoundRect(226, 132, 250, 14, 7, 7);
            g.fillRoundRect(226, 158, 200, 10, 5, 5);
            g.fillRoundRect(150, 205, 330, 10, 5, 5);
            g.fillRoundRect(150, 225, 290, 10, 5, 5);
            g.setColor(new Color(0x2458D6));
            g.fillRoundRect(400, 260, 96, 32, 8, 8);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Optional.of(new NewAttachment("screenshot.png", "image/png",
                    new ByteArrayResource(png.toByteArray())));
        } catch (IOException | RuntimeException | LinkageError e) {
            log.info("Demo screenshot skipped: Java imaging is not available here ({})", e.toString());
            return Optional.empty();
        }
    }
}
