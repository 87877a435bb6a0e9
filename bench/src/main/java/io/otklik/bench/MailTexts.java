package io.otklik.bench;

import java.util.Random;

/**
 * What customer mails carry besides the Russian letter of {@link Texts}: English letters (foreign customers write
 * too), signatures with position, company and phone, the legal footers companies append, and the markup mail
 * programs wrap a letter in.
 */
final class MailTexts {

    private static final String[] SUBJECTS = {"Cannot sign in to the customer portal", "Invoice shows the wrong VAT",
            "Payment failed but the card was charged", "Notifications stopped arriving", "Export to Excel is empty",
            "API returns 401 since this morning", "Please add two more user licences", "App crashes on start (iOS)",
            "Request for a refund", "Sync with our CRM is broken", "Report totals do not match",
            "Password reset link has expired", "Need access for a new colleague", "Very slow page loads today",
            "Question about the contract renewal", "Attachment upload fails over 10 MB"};
    private static final String[] GREETINGS = {"Hello,", "Hi there,", "Good morning,", "Dear support team,",
            "Hello support,"};
    private static final String[] PROBLEM = {"Since this morning none of us can sign in; the page says the password "
            + "is wrong, but it is not.", "It only happens to some of the team, the others are fine.",
            "It started right after yesterday's update.", "We already cleared the browser cache and restarted.",
            "The card was charged twice, but the portal shows no payment at all.",
            "The export stops halfway and the file is empty.", "Pages take more than a minute to load, sometimes "
            + "we get a 504 error.", "The quarterly report does not match what our accounting team has.",
            "This is urgent for us: the reporting deadline is today.", "We are behind a corporate proxy, in case "
            + "that matters.", "Is this a known issue, or do we need to change a setting on our side?",
            "Our new colleague started on Monday and still has no access.",
            "On Android 14 the app closes right after it starts.", "Saving an order shows \"Internal server "
            + "error\".", "The integration stopped sending new deals to the CRM.", "Please find a screenshot of the "
            + "error attached.", "The contract number is in my signature below.",
            "We can give you remote access to the machine if that helps.", "The same thing happened last month; "
            + "your second line fixed it then.", "Could you tell us when we can expect a fix?"};
    private static final String[] FOLLOW_UP = {"Any news on this?", "Thanks, it works again!",
            "It happened again today.", "We got your answer, but the error is still there.",
            "Here is the extra information you asked for.", "We did what you suggested, it did not help.",
            "Our other office sees the same thing now.", "Thank you, you can close this one."};
    private static final String[] SIGN_OFFS = {"Best regards,", "Kind regards,", "Thanks,", "Regards,",
            "Many thanks,"};

    private static final String[] POSITIONS_RU = {"Главный бухгалтер", "Менеджер по закупкам",
            "Системный администратор", "Руководитель отдела продаж", "Офис-менеджер", "Финансовый директор",
            "Специалист по логистике", "Инженер", "Директор", "Юрист"};
    private static final String[] POSITIONS_EN = {"Accountant", "Procurement Manager", "IT Administrator",
            "Head of Sales", "Office Manager", "CFO", "Logistics Specialist", "Engineer", "Director"};

    private static final String DISCLAIMER_RU = "Это сообщение и любые приложения к нему являются "
            + "конфиденциальными и предназначены исключительно для адресата. Если вы получили это сообщение по "
            + "ошибке, пожалуйста, немедленно сообщите отправителю и удалите сообщение и все его копии. Любое "
            + "использование, распространение или копирование содержания сообщения лицами, не являющимися "
            + "адресатами, запрещено. Отправитель не несёт ответственности за любые потери или ущерб, вызванные "
            + "вирусами или изменением сообщения при передаче.";
    private static final String DISCLAIMER_EN = "This e-mail and any attachments are confidential and intended "
            + "solely for the addressee. If you have received it in error, please notify the sender immediately and "
            + "delete it and all copies. Any use, disclosure or copying by anyone other than the addressee is "
            + "prohibited. The sender accepts no liability for any loss or damage caused by viruses or by changes "
            + "made to this message in transit.";

    /** The style block Outlook puts in every HTML letter, however short. */
    static final String OUTLOOK_STYLE = """
            <!--
            /* Font Definitions */
            @font-face
            	{font-family:"Cambria Math";
            	panose-1:2 4 5 3 5 4 6 3 2 4;}
            @font-face
            	{font-family:Calibri;
            	panose-1:2 15 5 2 2 2 4 3 2 4;}
            @font-face
            	{font-family:Tahoma;
            	panose-1:2 11 6 4 3 5 4 4 2 4;}
            /* Style Definitions */
            p.MsoNormal, li.MsoNormal, div.MsoNormal
            	{margin:0cm;
            	font-size:11.0pt;
            	font-family:"Calibri",sans-serif;
            	mso-fareast-language:EN-US;}
            a:link, span.MsoHyperlink
            	{mso-style-priority:99;
            	color:#0563C1;
            	text-decoration:underline;}
            p.MsoPlainText, li.MsoPlainText, div.MsoPlainText
            	{mso-style-priority:99;
            	mso-style-link:"Текст Знак";
            	margin:0cm;
            	font-size:11.0pt;
            	font-family:"Calibri",sans-serif;
            	mso-fareast-language:EN-US;}
            span.EmailStyle17
            	{mso-style-type:personal-compose;
            	font-family:"Calibri",sans-serif;
            	color:windowtext;}
            span.a
            	{mso-style-name:"Текст Знак";
            	mso-style-priority:99;
            	mso-style-link:Текст;
            	font-family:"Calibri",sans-serif;}
            .MsoChpDefault
            	{mso-style-type:export-only;
            	font-family:"Calibri",sans-serif;
            	mso-fareast-language:EN-US;}
            @page WordSection1
            	{size:612.0pt 792.0pt;
            	margin:2.0cm 42.5pt 2.0cm 3.0cm;}
            div.WordSection1
            	{page:WordSection1;}
            -->
            """;

    private MailTexts() {
    }

    static String subject(Random random) {
        return Names.pick(random, SUBJECTS);
    }

    /** An English first letter, signed with {@code name}. */
    static String letter(Random random, String name) {
        StringBuilder text = new StringBuilder(600).append(Names.pick(random, GREETINGS)).append("\n\n");
        int sentences = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 6);
        for (int i = 0; i < sentences; i++) {
            text.append(i == 0 ? "" : random.nextInt(4) == 0 ? "\n" : " ").append(Names.pick(random, PROBLEM));
        }
        return text.append("\n\n").append(Names.pick(random, SIGN_OFFS)).append('\n').append(name).toString();
    }

    /** An English answer in a thread, signed with {@code name}. */
    static String followUp(Random random, String name) {
        StringBuilder text = new StringBuilder(200).append(Names.pick(random, FOLLOW_UP));
        if (random.nextInt(3) == 0) {
            text.append(' ').append(Names.pick(random, PROBLEM));
        }
        return text.append("\n\n").append(Names.pick(random, SIGN_OFFS)).append('\n').append(name).toString();
    }

    static String position(Random random, boolean english) {
        return Names.pick(random, english ? POSITIONS_EN : POSITIONS_RU);
    }

    static String disclaimer(boolean english) {
        return english ? DISCLAIMER_EN : DISCLAIMER_RU;
    }

    /** A Russian mobile number as people write it. */
    static String phone(Random random) {
        return String.format(java.util.Locale.ROOT, "+7 (9%02d) %03d-%02d-%02d", random.nextInt(100),
                random.nextInt(1000), random.nextInt(100), random.nextInt(100));
    }

    /** The way a name is written in Latin letters: {@code Ivan Petrov}. */
    static String latinName(Names.Person person) {
        return capital(Names.latin(person.first())) + " " + capital(Names.latin(person.surname()));
    }

    private static String capital(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
