package io.otklik.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.otklik.ticket.QuoteFolding.Part;

import org.junit.jupiter.api.Test;

/** What an agent sees of a mail: the new words open, the quoted history and the signature folded away. */
class QuoteFoldingTests {

    @Test
    void gmailReplyFoldsTheHeaderAndTheQuote() {
        assertFolded("""
                Thanks, it works now.

                On Mon, 3 Nov 2026 at 10:00, Ivan Petrov <ivan@example.com> wrote:
                > Please restart the router.
                > Best, Ivan""",
                "Thanks, it works now.",
                "On Mon, 3 Nov 2026 at 10:00, Ivan Petrov <ivan@example.com> wrote:\n> Please restart the router.\n"
                        + "> Best, Ivan");
    }

    @Test
    void gmailHeaderWrappedOverTwoLinesIsFoldedWhole() {
        assertFolded("""
                Still broken.

                On Mon, 3 Nov 2026 at 10:00, Support Team of Otklik <
                support@otklik.example> wrote:

                > Did you try again?""",
                "Still broken.",
                "On Mon, 3 Nov 2026 at 10:00, Support Team of Otklik <\nsupport@otklik.example> wrote:\n\n"
                        + "> Did you try again?");
    }

    @Test
    void russianGmailReplyFolds() {
        assertFolded("""
                Спасибо, всё заработало.

                пн, 3 нояб. 2026 г. в 10:00, Иван Петров <ivan@example.ru>:
                > Перезагрузите роутер.""",
                "Спасибо, всё заработало.",
                "пн, 3 нояб. 2026 г. в 10:00, Иван Петров <ivan@example.ru>:\n> Перезагрузите роутер.");
    }

    @Test
    void russianHeadersOfManyMailersFold() {
        for (String header : List.of(
                "3 нояб. 2026 г., в 10:00, Иван Петров <ivan@example.ru> написал(а):",
                "03.11.2026 10:00, Иван Петров пишет:",
                "03.11.2026, 10:00, \"Иван Петров\" <ivan@example.ru>:",
                "Понедельник, 3 ноября 2026, 10:00 +03:00 от Иван Петров <ivan@example.ru>:",
                "Иван Петров написал:",
                "Мария написала:")) {
            assertFolded("Понял, жду.\n\n" + header + "\n> Мы перезвоним завтра.\n> --\n> Поддержка",
                    "Понял, жду.", header + "\n> Мы перезвоним завтра.\n> --\n> Поддержка");
        }
    }

    @Test
    void englishHeadersOfManyMailersFold() {
        for (String header : List.of(
                "On 3 Nov 2026, at 10:00, Ivan <ivan@example.com> wrote:",
                "On 2026-11-03 10:00, Ivan Petrov wrote:",
                "Ivan Petrov <ivan@example.com> wrote:",
                "Ivan wrote:")) {
            assertFolded("Got it.\n" + header + "\n> We will call you tomorrow.", "Got it.",
                    header + "\n> We will call you tomorrow.");
        }
    }

    @Test
    void headerWithoutQuoteMarksStillFoldsWhatFollows() {
        // HTML mail turned into text can lose the "> " marks of its quote; a full header still tells.
        assertFolded("""
                Here is the screenshot.

                On Mon, 3 Nov 2026 at 10:00, Ivan <ivan@example.com> wrote:
                Please send a screenshot of the error.""",
                "Here is the screenshot.",
                "On Mon, 3 Nov 2026 at 10:00, Ivan <ivan@example.com> wrote:\nPlease send a screenshot of the error.");
    }

    @Test
    void outlookOriginalMessageSeparatorFoldsEverythingAfter() {
        assertFolded("""
                Please see the log attached.

                -----Original Message-----
                From: Otklik Support <support@otklik.example>
                Sent: Monday, November 3, 2026 10:00 AM
                To: Ivan <ivan@example.com>
                Subject: RE: Printer [OTK-1042]

                Could you send us the log?""",
                "Please see the log attached.",
                "-----Original Message-----\nFrom: Otklik Support <support@otklik.example>\n"
                        + "Sent: Monday, November 3, 2026 10:00 AM\nTo: Ivan <ivan@example.com>\n"
                        + "Subject: RE: Printer [OTK-1042]\n\nCould you send us the log?");
    }

    @Test
    void russianOutlookSeparatorAndBlockFold() {
        assertFolded("""
                Лог во вложении.

                -----Исходное сообщение-----
                От: Поддержка <support@otklik.example>
                Отправлено: 3 ноября 2026 г. 10:00
                Кому: Иван <ivan@example.ru>
                Тема: RE: Принтер [OTK-1042]

                Пришлите, пожалуйста, лог.""",
                "Лог во вложении.",
                "-----Исходное сообщение-----\nОт: Поддержка <support@otklik.example>\n"
                        + "Отправлено: 3 ноября 2026 г. 10:00\nКому: Иван <ivan@example.ru>\n"
                        + "Тема: RE: Принтер [OTK-1042]\n\nПришлите, пожалуйста, лог.");
    }

    @Test
    void outlookHeaderBlockWithoutSeparatorFolds() {
        assertFolded("""
                Done, thank you.

                ________________________________
                From: Otklik Support <support@otklik.example>
                Sent: Monday, November 3, 2026 10:00
                To: Ivan
                Subject: Printer

                Please try again.""",
                "Done, thank you.",
                "________________________________\nFrom: Otklik Support <support@otklik.example>\n"
                        + "Sent: Monday, November 3, 2026 10:00\nTo: Ivan\nSubject: Printer\n\nPlease try again.");
        assertFolded("""
                Готово, спасибо.

                От: Поддержка <support@otklik.example>
                Отправлено: 3 ноября 2026 г. 10:00
                Кому: Иван
                Тема: Принтер
                Попробуйте ещё раз.""",
                "Готово, спасибо.",
                "От: Поддержка <support@otklik.example>\nОтправлено: 3 ноября 2026 г. 10:00\nКому: Иван\n"
                        + "Тема: Принтер\nПопробуйте ещё раз.");
    }

    @Test
    void outlookHeaderOnOneLineFolds() {
        assertFolded("""
                Works now.

                From: Otklik Support Sent: Monday, November 3, 2026 10:00 To: Ivan Subject: Printer
                Please try again.""",
                "Works now.",
                "From: Otklik Support Sent: Monday, November 3, 2026 10:00 To: Ivan Subject: Printer\n"
                        + "Please try again.");
    }

    @Test
    void signatureAfterSigDashFolds() {
        assertFolded("""
                The invoice is wrong again.

                --\s
                Ivan Petrov
                Chief accountant, Romashka LLC
                +7 495 000-00-00""",
                "The invoice is wrong again.",
                "-- \nIvan Petrov\nChief accountant, Romashka LLC\n+7 495 000-00-00");
        assertFolded("Счёт снова неверный.\n--\nИван Петров\nГлавный бухгалтер", "Счёт снова неверный.",
                "--\nИван Петров\nГлавный бухгалтер");
    }

    @Test
    void signatureThenQuoteFoldTogether() {
        assertFolded("""
                Yes, please do.
                --\s
                Ivan

                On Mon, 3 Nov 2026 at 10:00, Support <support@otklik.example> wrote:
                > Shall we replace it?""",
                "Yes, please do.",
                "-- \nIvan\n\nOn Mon, 3 Nov 2026 at 10:00, Support <support@otklik.example> wrote:\n"
                        + "> Shall we replace it?");
    }

    @Test
    void mobileSignaturesFold() {
        for (String signature : List.of("Sent from my iPhone", "Sent from my Samsung Galaxy smartphone.",
                "Sent from Mail for Windows", "Sent from Yahoo Mail on Android", "Get Outlook for Android",
                "Отправлено с iPhone", "Отправлено с моего iPhone", "Отправлено из мобильной Почты Mail.ru",
                "Отправлено из мобильной Яндекс Почты", "Отправлено со смартфона Huawei")) {
            assertFolded("Ok, thanks!\n\n" + signature, "Ok, thanks!", signature);
        }
    }

    @Test
    void iphoneReplyFoldsSignatureAndQuote() {
        assertFolded("""
                Ок

                Отправлено с iPhone

                > 3 нояб. 2026 г., в 10:00, Поддержка <support@otklik.example> написал(а):
                >
                > Заявка решена?""",
                "Ок",
                "Отправлено с iPhone\n\n> 3 нояб. 2026 г., в 10:00, Поддержка <support@otklik.example> "
                        + "написал(а):\n>\n> Заявка решена?");
    }

    @Test
    void trailingQuoteWithoutHeaderFolds() {
        assertFolded("Yes.\n\n> Is it the same printer?\n> On the second floor?", "Yes.",
                "> Is it the same printer?\n> On the second floor?");
    }

    @Test
    void answersBetweenQuotesStayOpen() {
        String body = """
                > Which printer?
                The one on the second floor.
                > Since when?
                Since Monday.""";
        assertThat(QuoteFolding.fold(body)).containsExactly(new Part(body, false));
    }

    @Test
    void bottomPostedAnswerStaysOpenAndItsQuoteFolds() {
        assertThat(QuoteFolding.fold("""
                On Mon, 3 Nov 2026 at 10:00, Support <support@otklik.example> wrote:
                > Which printer?

                The one on the second floor."""))
                .containsExactly(new Part("On Mon, 3 Nov 2026 at 10:00, Support <support@otklik.example> wrote:\n"
                        + "> Which printer?", true), new Part("The one on the second floor.", false));
    }

    @Test
    void forwardedMessageStaysOpen() {
        String gmail = """
                Colleagues, please help this customer.

                ---------- Forwarded message ---------
                From: Ivan <ivan@example.com>
                Date: Mon, 3 Nov 2026 at 10:00
                Subject: Printer
                To: <office@example.com>

                The printer is broken.""";
        assertThat(QuoteFolding.fold(gmail)).containsExactly(new Part(gmail, false));
        String yandex = """
                Переслал вам.

                -------- Пересылаемое сообщение --------
                От: Иван <ivan@example.ru>
                Дата: 03.11.2026 10:00
                Тема: Принтер

                Принтер сломался.""";
        assertThat(QuoteFolding.fold(yandex)).containsExactly(new Part(yandex, false));
    }

    @Test
    void ordinaryTextThatLooksALittleLikeAHeaderStaysOpen() {
        for (String body : List.of(
                "My colleague wrote:\nthe printer is broken again.",
                "On Monday my manager wrote:\nplease fix the VPN.",
                "From: the accounting department\nWe need a new account.",
                "Sent from the office at night, sorry.\nThe VPN is down.",
                "Отправлено: вчера\nНо ответа нет.",
                "Ниже лог:\n--verbose\nошибка 42")) {
            assertThat(QuoteFolding.fold(body)).as(body).containsExactly(new Part(body, false));
        }
    }

    @Test
    void neverFoldsEverything() {
        for (String body : List.of(
                "> Just a quote\n> and nothing else",
                "On Mon, 3 Nov 2026 at 10:00, Ivan <ivan@example.com> wrote:\n> Hello",
                "-- \nIvan Petrov",
                "Sent from my iPhone",
                "-----Original Message-----\nFrom: x\nSent: y\nSubject: z\n\ntext")) {
            assertThat(QuoteFolding.fold(body)).as(body).containsExactly(new Part(body, false));
        }
    }

    @Test
    void plainMessagesAndEmptyBodiesAreLeftAlone() {
        assertThat(QuoteFolding.fold("Hello,\n\nthe printer is broken.\n\nIvan"))
                .containsExactly(new Part("Hello,\n\nthe printer is broken.\n\nIvan", false));
        assertThat(QuoteFolding.fold("")).isEmpty();
        assertThat(QuoteFolding.fold(null)).isEmpty();
        assertThat(QuoteFolding.folds("Hello")).isFalse();
        assertThat(QuoteFolding.folds("Hi\n> old")).isTrue();
    }

    @Test
    void windowsLineEndingsAreRead() {
        assertFolded("Thanks!\r\n\r\nOn Mon, 3 Nov 2026 at 10:00, Ivan <ivan@example.com> wrote:\r\n> Old text",
                "Thanks!", "On Mon, 3 Nov 2026 at 10:00, Ivan <ivan@example.com> wrote:\n> Old text");
    }

    @Test
    void textRightAboveAWrappedHeaderIsNotTakenForPartOfIt() {
        assertFolded("""
                Thanks!
                On Mon, 3 Nov 2026 at 10:00, Ivan Petrov <
                ivan@example.com> wrote:
                > Old text""",
                "Thanks!", "On Mon, 3 Nov 2026 at 10:00, Ivan Petrov <\nivan@example.com> wrote:\n> Old text");
    }

    @Test
    void longThreadsAreFoldedQuickly() {
        StringBuilder body = new StringBuilder("New text\n");
        for (int i = 0; i < 3000; i++) {
            body.append("> line ").append(i).append(" of an old conversation: 10:00 wrote\n");
            body.append("answer ").append(i).append('\n');
        }
        body.append("\nOn Mon, 3 Nov 2026 at 10:00, Ivan <ivan@example.com> wrote:\n");
        for (int i = 0; i < 3000; i++) {
            body.append("> quoted ").append(i).append('\n');
        }
        long started = System.nanoTime();
        List<Part> parts = QuoteFolding.fold(body.toString());
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
        assertThat(parts.getLast().folded()).isTrue();
        assertThat(parts.getLast().text()).startsWith("On Mon, 3 Nov 2026");
    }

    private static void assertFolded(String body, String shown, String folded) {
        assertThat(QuoteFolding.fold(body)).as(body).containsExactly(new Part(shown, false), new Part(folded, true));
    }
}
