package io.otklik.system;

import static io.otklik.system.DemoStory.File.LOG;
import static io.otklik.system.DemoStory.File.SCREENSHOT;
import static io.otklik.system.DemoStory.story;
import static io.otklik.ticket.Channel.API;
import static io.otklik.ticket.Channel.CHAT;
import static io.otklik.ticket.Channel.EMAIL;
import static io.otklik.ticket.Channel.PHONE;
import static io.otklik.ticket.Channel.PORTAL;
import static io.otklik.ticket.Channel.TELEGRAM;
import static io.otklik.ticket.Channel.VK;
import static io.otklik.ticket.Channel.WEB_FORM;
import static io.otklik.ticket.Priority.CRITICAL;
import static io.otklik.ticket.Priority.HIGH;
import static io.otklik.ticket.Priority.LOW;
import static io.otklik.ticket.Priority.MEDIUM;
import static io.otklik.ticket.Status.CLOSED;
import static io.otklik.ticket.Status.ON_HOLD;
import static io.otklik.ticket.Status.PENDING;
import static io.otklik.ticket.Status.SOLVED;

import java.util.List;
import java.util.Locale;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

/**
 * What the demo holds: the support service of a company selling a cloud accounting service to businesses — its
 * teams on three lines, its staff, its customers and their organizations, and fifty tickets in every state.
 * Customers' addresses are on the reserved {@code .example} domain, so nothing can ever reach a real person.
 */
final class DemoDataset {

    static final String PASSWORD = "otklik-demo";

    // Teams
    static final String L1 = "Первая линия";
    static final String NET = "Вторая линия — сеть и доступ";
    static final String BILLING = "Вторая линия — биллинг";
    static final String DEV = "Разработка";

    // Staff, by sign-in login
    static final String ADMIN = "admin@otklik.local";
    static final String OLGA = "o.smirnova@otklik.local";
    static final String MARIA = "m.kozlova@otklik.local";
    static final String DMITRY = "d.orlov@otklik.local";
    static final String ANNA = "a.lebedeva@otklik.local";
    static final String SERGEY = "s.nikitin@otklik.local";
    static final String IGOR = "i.fedorov@otklik.local";
    static final String ELENA = "e.pavlova@otklik.local";
    static final String PAVEL = "p.sokolov@otklik.local";

    // Categories
    static final String ACCESS = "Доступ и пароли";
    static final String PAYMENT = "Биллинг и оплата";
    static final String OUTAGE = "Сбой сервиса";
    static final String QUESTION = "Вопрос по работе";
    static final String WISH = "Пожелание";

    record TeamSeed(String name, SupportLine line) {
    }

    record StaffSeed(String name, String login, Role role, TicketScope scope, List<String> teams, Locale locale) {
    }

    record OrganizationSeed(String name, String domain) {
    }

    /** A customer; stories name them by email, or by phone when they have no email. */
    record CustomerSeed(String name, String email, String phone) {

        String key() {
            return email != null ? email : phone;
        }
    }

    private static final Locale RU = Locale.of("ru");

    private DemoDataset() {
    }

    static List<TeamSeed> teams() {
        return List.of(new TeamSeed(L1, SupportLine.L1), new TeamSeed(NET, SupportLine.L2),
                new TeamSeed(BILLING, SupportLine.L2), new TeamSeed(DEV, SupportLine.L3));
    }

    static List<StaffSeed> staff() {
        return List.of(
                new StaffSeed("Андрей Волков", ADMIN, Role.ADMIN, TicketScope.ALL, List.of(), RU),
                new StaffSeed("Ольга Смирнова", OLGA, Role.SUPERVISOR, TicketScope.ALL, List.of(L1), RU),
                new StaffSeed("Мария Козлова", MARIA, Role.AGENT, TicketScope.ALL, List.of(L1), RU),
                new StaffSeed("Дмитрий Орлов", DMITRY, Role.AGENT, TicketScope.OWN_TEAMS, List.of(L1), RU),
                new StaffSeed("Анна Лебедева", ANNA, Role.AGENT, TicketScope.OWN_TEAMS, List.of(L1), RU),
                new StaffSeed("Сергей Никитин", SERGEY, Role.AGENT, TicketScope.OWN_TEAMS, List.of(NET), RU),
                new StaffSeed("Игорь Фёдоров", IGOR, Role.AGENT, TicketScope.ALL, List.of(NET, BILLING), RU),
                new StaffSeed("Елена Павлова", ELENA, Role.AGENT, TicketScope.OWN_TEAMS, List.of(BILLING), RU),
                new StaffSeed("Павел Соколов", PAVEL, Role.AGENT, TicketScope.ALL, List.of(DEV), Locale.ENGLISH));
    }

    static List<String> categories() {
        return List.of(ACCESS, PAYMENT, OUTAGE, QUESTION, WISH);
    }

    static List<OrganizationSeed> organizations() {
        return List.of(
                new OrganizationSeed("ООО «Ромашка-Трейд»", "romashka-trade.example"),
                new OrganizationSeed("АО «Северный логистический центр»", "sevlogistic.example"),
                new OrganizationSeed("Сеть пекарен «Хлебный дом»", "hlebdom.example"),
                new OrganizationSeed("Клиника «Здоровье+»", "zdorovie-plus.example"),
                new OrganizationSeed("ООО «ТехноСтрой»", "tehnostroy.example"),
                new OrganizationSeed("Интернет-магазин «Уютный дом»", "uyut-shop.example"));
    }

    static List<CustomerSeed> customers() {
        return List.of(
                new CustomerSeed("Иван Петров", "i.petrov@romashka-trade.example", "+7 495 555-10-21"),
                new CustomerSeed("Светлана Кузнецова", "s.kuznetsova@romashka-trade.example", null),
                new CustomerSeed("Алексей Морозов", "a.morozov@romashka-trade.example", "+7 495 555-10-24"),
                new CustomerSeed("Наталья Волкова", "n.volkova@romashka-trade.example", null),
                new CustomerSeed("Виктор Зайцев", "v.zaitsev@sevlogistic.example", "+7 812 555-33-01"),
                new CustomerSeed("Екатерина Белова", "e.belova@sevlogistic.example", null),
                new CustomerSeed("Роман Гусев", "r.gusev@sevlogistic.example", "+7 812 555-33-07"),
                new CustomerSeed("Юлия Тарасова", "y.tarasova@sevlogistic.example", null),
                new CustomerSeed("Олег Медведев", "o.medvedev@sevlogistic.example", null),
                new CustomerSeed("Татьяна Андреева", "t.andreeva@hlebdom.example", "+7 843 555-20-10"),
                new CustomerSeed("Максим Егоров", "m.egorov@hlebdom.example", null),
                new CustomerSeed("Ирина Степанова", "i.stepanova@hlebdom.example", null),
                new CustomerSeed("Людмила Комарова", "l.komarova@zdorovie-plus.example", "+7 383 555-44-12"),
                new CustomerSeed("Артём Киселев", "a.kiselev@zdorovie-plus.example", "+7 383 555-44-19"),
                new CustomerSeed("Галина Макарова", "g.makarova@zdorovie-plus.example", null),
                new CustomerSeed("Денис Ершов", "d.ershov@zdorovie-plus.example", null),
                new CustomerSeed("Николай Федотов", "n.fedotov@tehnostroy.example", "+7 343 555-71-02"),
                new CustomerSeed("Ксения Жукова", "k.zhukova@tehnostroy.example", null),
                new CustomerSeed("Григорий Соловьёв", "g.soloviev@tehnostroy.example", null),
                new CustomerSeed("Марина Борисова", "m.borisova@tehnostroy.example", "+7 343 555-71-15"),
                new CustomerSeed("Анастасия Романова", "a.romanova@uyut-shop.example", null),
                new CustomerSeed("Евгений Крылов", "e.krylov@uyut-shop.example", "+7 863 555-09-09"),
                new CustomerSeed("Полина Никифорова", "p.nikiforova@uyut-shop.example", null),
                new CustomerSeed("Владимир Сидоров", "vladimir.sidorov@mail.example", "+7 916 555-48-30"),
                new CustomerSeed("Ольга Николаева", "olga.nikolaeva@mail.example", null),
                new CustomerSeed("Кирилл Баранов", "k.baranov@mail.example", "+7 911 555-23-41"),
                new CustomerSeed("Михаил Тимофеев", "m.timofeev@mail.example", null),
                new CustomerSeed("Елизавета Гришина", "liza.grishina@mail.example", null),
                new CustomerSeed("Дарья Осипова", null, "+7 921 555-01-17"),
                new CustomerSeed("Сергей Власов", null, "+7 903 555-62-88"));
    }

    /** The custom field every demo customer card has: the number of the customer's contract. */
    static final String CONTRACT_KEY = "contract";
    static final String CONTRACT_NAME = "Договор";
    static final String VIP = "VIP";

    /**
     * What is known about some customers beyond their first address: more emails, a Telegram or VK id, the VIP
     * segment, their contract number, and whether they manage their organization's support (see all its tickets).
     */
    record CustomerDetails(String key, List<String> moreEmails, String telegram, String vk, boolean vip,
            String contract, boolean manager) {
    }

    static List<CustomerDetails> customerDetails() {
        return List.of(
                new CustomerDetails("i.petrov@romashka-trade.example", List.of("ivan.petrov@mail.example"),
                        "@ivan_petrov_rt", null, true, "Д-2024/117", true),
                new CustomerDetails("v.zaitsev@sevlogistic.example", List.of("zaitsev.viktor@mail.example"),
                        "@v_zaitsev", null, true, "СЛЦ-0042", false),
                new CustomerDetails("l.komarova@zdorovie-plus.example", List.of("komarova.lm@mail.example"), null,
                        "id48213377", false, "ЗП-2023/09", false),
                new CustomerDetails("t.andreeva@hlebdom.example", List.of(), "@tanya_hlebdom", null, true,
                        "ХД-15", false),
                new CustomerDetails("n.fedotov@tehnostroy.example", List.of("fedotov.n@mail.example"), null, null,
                        false, "ТС-2025/003", false),
                new CustomerDetails("+7 921 555-01-17", List.of(), "@dasha_osipova", null, false, null, false));
    }

    /** The tickets, oldest first: the closed ones long ago, the new ones this morning. */
    static List<DemoStory> stories() {
        return List.of(
                // Closed: solved, and the customer's days to object have passed.
                story("Смена тарифа с «Старт» на «Бизнес»", "s.kuznetsova@romashka-trade.example", EMAIL, LOW,
                        PAYMENT)
                        .says("""
                                Добрый день!
                                Нас стало больше, хотим перейти с тарифа «Старт» на «Бизнес» с первого числа. \
                                Что нужно сделать с нашей стороны и как пересчитают уже оплаченный месяц?
                                Светлана Кузнецова, ООО «Ромашка-Трейд»""")
                        .assigned(BILLING, ELENA).tags("тариф")
                        .reply(ELENA, """
                                Светлана, здравствуйте!
                                С вашей стороны ничего делать не нужно: я запланировала переход на «Бизнес» с 1-го \
                                числа. Неиспользованные дни «Старта» зачтём в счёт за следующий месяц, счёт придёт \
                                на этот адрес за три дня до списания.
                                Елена, биллинг""")
                        .solvedAndClosed(ELENA),
                story("Не открывается вложение в письме с уведомлением", "m.egorov@hlebdom.example", EMAIL, LOW,
                        QUESTION)
                        .says("""
                                Здравствуйте. В письме о новом заказе есть вложение order.pdf, но оно не \
                                открывается — пишет «файл повреждён». Открываю с телефона.""")
                        .assigned(L1, ANNA)
                        .reply(ANNA, """
                                Максим, добрый день!
                                Почтовое приложение на телефоне иногда не докачивает вложения при слабом сигнале. \
                                Откройте, пожалуйста, заказ по ссылке из того же письма — там PDF всегда актуальный. \
                                Если и так не откроется, напишите, посмотрим вместе.
                                Анна, служба поддержки""", SOLVED)
                        .status(null, CLOSED),
                story("Восстановить удалённый документ", "y.tarasova@sevlogistic.example", PORTAL, MEDIUM, QUESTION)
                        .says("""
                                Сотрудник случайно удалил приходную накладную № 1184 от вчерашнего дня. \
                                Можно ли её восстановить? По ней уже были движения по складу.""")
                        .assigned(NET, IGOR)
                        .note(IGOR, """
                                Документ есть в ночной резервной копии. Восстановил в корзину клиента, движения \
                                по складу пересчитались, расхождений нет.""")
                        .reply(IGOR, """
                                Юлия, здравствуйте!
                                Накладная № 1184 восстановлена и снова видна в журнале документов, остатки \
                                пересчитаны. Чтобы такое не повторялось, можно снять у сотрудников право удаления \
                                проведённых документов: «Настройки → Роли → Склад».
                                Игорь, вторая линия""")
                        .solvedAndClosed(IGOR),
                story("Не работает сканер штрихкодов в приложении", "v.zaitsev@sevlogistic.example", PHONE, MEDIUM,
                        OUTAGE)
                        .says("""
                                Звонок: после обновления мобильного приложения сканер штрихкодов на ТСД Urovo \
                                перестал вставлять код в поле поиска товара. На старой версии работало.""")
                        .loggedBy(DMITRY).assigned(L1, DMITRY).tags("мобильное-приложение", "тсд")
                        .note(DMITRY, """
                                Воспроизвёл на тестовом ТСД: в версии 3.8 сменился режим ввода. Помогает \
                                переключить сканер в режим «Клавиатура» в настройках устройства.""")
                        .reply(DMITRY, """
                                Виктор, добрый день!
                                Как договорились по телефону: в настройках сканера на ТСД выберите режим вывода \
                                «Клавиатура (Keyboard Emulation)» — после этого код снова попадёт в поле поиска. \
                                В следующей версии приложения вернём прежнее поведение.
                                Дмитрий, служба поддержки""")
                        .solvedAndClosed(DMITRY),
                story("Удалить мои персональные данные", "m.timofeev@mail.example", EMAIL, MEDIUM, QUESTION)
                        .says("""
                                Прошу удалить мои персональные данные из вашей системы в соответствии с 152-ФЗ. \
                                Учётной записью больше не пользуюсь.""")
                        .assigned(L1, OLGA).tags("персональные-данные")
                        .note(OLGA, """
                                Проверила: действующих договоров и неоплаченных счетов нет. Запрос передан \
                                ответственному за обработку ПДн, срок ответа по закону — 10 рабочих дней.""")
                        .reply(OLGA, """
                                Михаил, здравствуйте!
                                Ваши персональные данные удалены, учётная запись закрыта. Подтверждение отправлено \
                                на этот адрес отдельным письмом. Спасибо, что были с нами.
                                Ольга Смирнова, руководитель службы поддержки""")
                        .solvedAndClosed(OLGA),
                story("Ошибка синхронизации календаря с Outlook", "g.makarova@zdorovie-plus.example", WEB_FORM,
                        MEDIUM, OUTAGE)
                        .says("""
                                Записи пациентов перестали попадать в календарь Outlook у врачей. В сервисе всё \
                                видно, а в Outlook пусто с понедельника.""")
                        .assigned(L1, MARIA)
                        .escalate(MARIA, DEV, PAVEL)
                        .note(PAVEL, """
                                Microsoft сменил формат токена для подписок календаря; наш коннектор не продлевал \
                                подписку. Исправлено в релизе 2.14.2, подписки продлены принудительно.""")
                        .reply(PAVEL, """
                                Галина, добрый день!
                                Ошибка была на нашей стороне и уже исправлена. Записи за прошедшие дни \
                                досинхронизированы — проверьте, пожалуйста, календари врачей.
                                Павел Соколов, разработка""")
                        .solvedAndClosed(PAVEL),
                story("Предложение: уведомления в Telegram", "k.baranov@mail.example", TELEGRAM, LOW, WISH)
                        .says("""
                                Было бы удобно получать уведомления о заказах не только на почту, но и в Telegram.""")
                        .assigned(L1, MARIA).tags("пожелание", "уведомления")
                        .reply(MARIA, """
                                Кирилл, спасибо за идею! Передали её команде продукта. Хорошая новость: \
                                уведомления в Telegram уже в плане на следующий квартал, сообщим о запуске.
                                Мария, служба поддержки""")
                        .solvedAndClosed(MARIA),
                story("Не приходит письмо для подтверждения регистрации", "liza.grishina@mail.example", EMAIL, MEDIUM,
                        ACCESS)
                        .says("""
                                Зарегистрировалась, но письмо с подтверждением так и не пришло. Проверила спам — \
                                там тоже нет.""")
                        .assigned(L1, MARIA).tags("почта", "регистрация")
                        .note(MARIA, """
                                В журнале отправки: письмо отклонено сервером получателя (ящик переполнен). \
                                Отправила повторно после того, как клиентка освободила место.""")
                        .reply(MARIA, """
                                Елизавета, здравствуйте!
                                Почтовый сервер вернул письмо: ящик был переполнен. Мы отправили письмо ещё раз — \
                                оно уже должно быть во входящих.
                                Мария, служба поддержки""")
                        .solvedAndClosed(MARIA),

                // Solved: waiting for the customer to confirm.
                story("Не могу скачать акт сверки", "a.morozov@romashka-trade.example", EMAIL, LOW, PAYMENT)
                        .says("""
                                Добрый день! В разделе «Документы» кнопка «Скачать акт сверки» неактивна. \
                                Нужен акт за третий квартал для аудиторов.""")
                        .assigned(BILLING, ELENA).tags("документы")
                        .reply(ELENA, """
                                Алексей, здравствуйте!
                                Акт сверки формируется по запросу: нажмите «Запросить акт», выберите период — \
                                через пару минут кнопка «Скачать» станет активной. За третий квартал я уже \
                                сформировала акт, он ждёт вас в разделе «Документы».
                                Елена, биллинг""", SOLVED),
                story("Как изменить email для уведомлений", "t.andreeva@hlebdom.example", CHAT, LOW, QUESTION)
                        .says("Подскажите, где поменять адрес, на который приходят уведомления о заказах?")
                        .assigned(L1, MARIA)
                        .reply(MARIA, """
                                Татьяна, добрый день! Адрес меняется в «Настройки → Уведомления → Получатели». \
                                Можно указать несколько адресов через запятую.
                                Мария, служба поддержки""", SOLVED),
                story("Ошибка 403 при входе в раздел «Отчёты»", "r.gusev@sevlogistic.example", PORTAL, MEDIUM, ACCESS)
                        .says("""
                                После того как мне сменили должность, при открытии раздела «Отчёты» пишет \
                                «403 — доступ запрещён». Раньше открывалось.""")
                        .with(SCREENSHOT).assigned(L1, DMITRY).tags("права")
                        .note(DMITRY, """
                                У пользователя роль «Кладовщик» без права на отчёты. Администратор клиента \
                                подтвердил по почте, что права нужны; роль заменена на «Старший кладовщик».""")
                        .reply(DMITRY, """
                                Роман, здравствуйте!
                                Ваш администратор подтвердил доступ, права обновлены. Выйдите из кабинета и \
                                войдите снова — раздел «Отчёты» откроется.
                                Дмитрий, служба поддержки""", SOLVED),
                story("Неверная сумма в счёте за ноябрь", "o.medvedev@sevlogistic.example", EMAIL, HIGH, PAYMENT)
                        .says("""
                                В счёте за ноябрь 40 пользователей, а у нас по договору 32. Просим \
                                пересчитать до оплаты.""")
                        .assigned(BILLING, ELENA).tags("счёт")
                        .note(ELENA, """
                                8 учётных записей были заблокированы, но не удалены — биллинг их считает. \
                                Удалили с согласия клиента, счёт перевыставлен.""")
                        .reply(ELENA, """
                                Олег, здравствуйте!
                                В счёт попали 8 заблокированных учётных записей. Мы их удалили по вашему \
                                подтверждению и выставили исправленный счёт на 32 пользователя — он в разделе \
                                «Документы». Прежний счёт аннулирован.
                                Елена, биллинг""", SOLVED),
                story("Пропали фильтры в списке заказов", "a.romanova@uyut-shop.example", WEB_FORM, MEDIUM, OUTAGE)
                        .says("""
                                Со вчерашнего дня в списке заказов нет панели фильтров — ни по статусу, ни по \
                                дате. Работать очень неудобно.""")
                        .with(SCREENSHOT).assigned(L1, MARIA).tags("ошибка")
                        .escalate(MARIA, DEV, PAVEL)
                        .note(PAVEL, """
                                Регрессия в 2.14.2: панель скрывалась при ширине окна меньше 1280 px. \
                                Исправлено в 2.14.3, выкачено сегодня в 06:00.""")
                        .reply(MARIA, """
                                Анастасия, добрый день!
                                Ошибку исправили — обновите страницу, панель фильтров на месте. Спасибо, что \
                                сообщили!
                                Мария, служба поддержки""", SOLVED),
                story("Как выгрузить данные для аудита", "k.zhukova@tehnostroy.example", EMAIL, LOW, QUESTION)
                        .says("""
                                Аудиторы просят выгрузку всех операций за год в Excel. Как это сделать \
                                одним файлом?""")
                        .assigned(L1, ANNA)
                        .reply(ANNA, """
                                Ксения, здравствуйте!
                                «Отчёты → Журнал операций», период — год, кнопка «Выгрузить → Excel». Для \
                                больших периодов файл готовится в фоне, ссылка придёт на почту.
                                Анна, служба поддержки""", SOLVED),
                story("Добавьте экспорт в формате XML", "n.fedotov@tehnostroy.example", PORTAL, LOW, WISH)
                        .says("Нам для обмена с заказчиком нужен экспорт смет в XML, а есть только Excel и PDF.")
                        .assigned(L1, OLGA).tags("пожелание")
                        .reply(OLGA, """
                                Николай, спасибо! Передала пожелание в план развития. Пока можно выгрузить \
                                сметы через API в JSON — если поможет, пришлём пример преобразования в XML.
                                Ольга Смирнова, руководитель службы поддержки""", SOLVED),
                story("Не проходит авторизация в мобильном приложении", "p.nikiforova@uyut-shop.example", VK, MEDIUM,
                        ACCESS)
                        .says("""
                                В мобильном приложении после ввода пароля крутится загрузка и ничего не \
                                происходит. В браузере вхожу нормально.""")
                        .assigned(L1, MARIA).tags("мобильное-приложение", "вход")
                        .reply(MARIA, """
                                Полина, здравствуйте!
                                Такое бывает со старой версией приложения. Обновите его до 3.8.1 из магазина \
                                приложений, затем выйдите и войдите снова — вход заработает.
                                Мария, служба поддержки""", SOLVED),
                story("Завис импорт номенклатуры", "e.belova@sevlogistic.example", EMAIL, HIGH, OUTAGE)
                        .says("""
                                Запустили импорт номенклатуры (12 000 позиций) три часа назад, статус всё ещё \
                                «Выполняется 0 %».""")
                        .assigned(NET, SERGEY).tags("импорт")
                        .note(SERGEY, """
                                Задача импорта упала на строке 4 117 (пустой артикул) и не сняла блокировку. \
                                Снял блокировку, перезапустил с пропуском ошибочных строк.""", LOG)
                        .reply(SERGEY, """
                                Екатерина, здравствуйте!
                                Импорт завершён: загружено 11 998 позиций. Две строки пропущены из-за пустого \
                                артикула — номера строк в отчёте импорта. Исправьте их и загрузите только эти \
                                две позиции.
                                Сергей, вторая линия""", SOLVED),

                // On hold: waiting for a third party.
                story("Не доходят SMS абонентам одного оператора", "n.fedotov@tehnostroy.example", EMAIL, HIGH,
                        OUTAGE)
                        .says("""
                                Коды подтверждения не доходят клиентам с номерами одного оператора, у остальных \
                                всё в порядке. Началось вчера вечером.""")
                        .assigned(NET, IGOR).tags("sms")
                        .note(IGOR, """
                                SMS-шлюз получает от оператора статус «отклонено». Открыли обращение у \
                                SMS-провайдера, ждём ответа; обещают в течение суток.""")
                        .reply(IGOR, """
                                Николай, добрый день!
                                Проблема на стороне оператора связи: сообщения отклоняются до доставки. Мы \
                                передали её SMS-провайдеру и ждём ответа. Пока можно включить подтверждение \
                                входа по почте: «Настройки → Безопасность».
                                Игорь, вторая линия""")
                        .status(IGOR, ON_HOLD),
                story("Возврат средств по ошибочному платежу", "liza.grishina@mail.example", WEB_FORM, MEDIUM, PAYMENT)
                        .says("Случайно оплатила годовой тариф вместо месячного. Прошу вернуть разницу.")
                        .assigned(BILLING, ELENA).tags("возврат")
                        .note(ELENA, """
                                Оформила возврат 26 910 ₽. Запрос ушёл в банк-эквайер, срок ответа — до 10 \
                                рабочих дней.""")
                        .reply(ELENA, """
                                Елизавета, здравствуйте!
                                Мы перевели вас на месячный тариф и оформили возврат разницы. Банк обрабатывает \
                                возврат до 10 рабочих дней; как только он подтвердит, мы напишем.
                                Елена, биллинг""")
                        .status(ELENA, ON_HOLD),
                story("Интеграция с маркетплейсом: не обновляются цены", "p.nikiforova@uyut-shop.example", API, HIGH,
                        OUTAGE)
                        .says("""
                                Автоматическое обращение модуля интеграции: пакетное обновление цен на \
                                маркетплейсе завершается ошибкой HTTP 503 уже 6 часов подряд.""")
                        .with(LOG).assigned(DEV, PAVEL).tags("интеграция", "маркетплейс")
                        .note(PAVEL, """
                                503 отдаёт сам маркетплейс на пакетный метод; одиночные запросы проходят. \
                                Открыли обращение у них в поддержке партнёров, ждём.""")
                        .reply(PAVEL, """
                                Полина, добрый день!
                                Сбой на стороне маркетплейса, мы уже передали им подробности. Пока цены можно \
                                обновить вручную из карточки товара. Сообщим, как только они ответят.
                                Павел Соколов, разработка""")
                        .status(PAVEL, ON_HOLD),
                story("Подключение ЭДО с контрагентом", "a.morozov@romashka-trade.example", EMAIL, LOW, QUESTION)
                        .says("""
                                Контрагент работает через другого оператора ЭДО. Как настроить обмен \
                                документами с ним?""")
                        .assigned(L1, MARIA).tags("эдо")
                        .note(MARIA, "Запрос на роуминг отправлен оператору контрагента, обычно отвечают 3–5 дней.")
                        .reply(MARIA, """
                                Алексей, здравствуйте!
                                Мы отправили запрос на роуминг оператору вашего контрагента. Как только он \
                                подтвердит, документы начнут ходить — сообщим.
                                Мария, служба поддержки""")
                        .status(MARIA, ON_HOLD),
                story("Продление сертификата для VPN-доступа", "y.tarasova@sevlogistic.example", PORTAL, MEDIUM,
                        ACCESS)
                        .says("Через неделю истекает сертификат VPN для нашего филиала. Как его продлить?")
                        .assigned(NET, SERGEY).tags("vpn", "сертификат")
                        .reply(SERGEY, """
                                Юлия, здравствуйте!
                                Заявку на новый сертификат мы отправили в удостоверяющий центр; выпуск занимает \
                                до трёх рабочих дней. Старый сертификат работает до конца срока, перерыва не будет.
                                Сергей, вторая линия""")
                        .status(SERGEY, ON_HOLD),

                // Pending: waiting for the customer.
                story("Сброс пароля для сотрудника", "n.volkova@romashka-trade.example", EMAIL, MEDIUM, ACCESS)
                        .says("""
                                Наш менеджер Павел забыл пароль и не может войти. Сбросьте ему, пожалуйста, \
                                логин p.orlov@romashka-trade.example.""")
                        .assigned(L1, ANNA).tags("пароль")
                        .reply(ANNA, """
                                Наталья, здравствуйте!
                                Сбросить пароль другому сотруднику мы можем только по запросу администратора \
                                вашей учётной записи. Попросите, пожалуйста, администратора ответить на это \
                                письмо — или пусть Павел нажмёт «Забыли пароль?» на странице входа.
                                Анна, служба поддержки""", PENDING),
                story("Счёт не соответствует договору", "o.medvedev@sevlogistic.example", EMAIL, MEDIUM, PAYMENT)
                        .says("В счёте указана цена по прайсу, а у нас в договоре фиксированная скидка 15 %.")
                        .assigned(BILLING, ELENA).tags("счёт", "договор")
                        .reply(ELENA, """
                                Олег, здравствуйте!
                                В карточке вашей компании не нашлось дополнительного соглашения о скидке. \
                                Пришлите, пожалуйста, его номер и скан страницы с условиями — пересчитаем счёт \
                                в тот же день.
                                Елена, биллинг""", PENDING),
                story("Не работает вход через корпоративный SSO", "d.ershov@zdorovie-plus.example", PORTAL, HIGH,
                        ACCESS)
                        .says("""
                                После смены сертификата на нашем сервере ADFS сотрудники не могут войти через \
                                SSO: «Ошибка проверки подписи».""")
                        .assigned(NET, SERGEY).tags("sso")
                        .note(SERGEY, """
                                В настройках SSO клиента остался отпечаток старого сертификата. Нужны новые \
                                метаданные федерации.""")
                        .reply(SERGEY, """
                                Денис, здравствуйте!
                                Мы видим старый сертификат в настройках входа. Пришлите, пожалуйста, файл \
                                метаданных федерации (FederationMetadata.xml) с вашего ADFS — обновим настройки \
                                за 15 минут.
                                Сергей, вторая линия""", PENDING),
                story("Ошибка при печати этикеток", "i.stepanova@hlebdom.example", CHAT, LOW, QUESTION)
                        .says("""
                                При печати ценников выходит пустая этикетка, а потом ошибка. Скриншот \
                                прикладываю.""")
                        .with(SCREENSHOT).assigned(L1, MARIA)
                        .reply(MARIA, """
                                Ирина, здравствуйте!
                                Подскажите, пожалуйста, модель принтера этикеток и размер ленты — судя по \
                                скриншоту, в шаблоне выбран другой размер этикетки.
                                Мария, служба поддержки""", PENDING),
                story("Не приходят уведомления о новых заказах", "a.romanova@uyut-shop.example", EMAIL, MEDIUM,
                        OUTAGE)
                        .says("С утра не пришло ни одного уведомления о заказах, хотя заказы есть.")
                        .assigned(L1, DMITRY).tags("уведомления")
                        .reply(DMITRY, """
                                Анастасия, здравствуйте!
                                С нашей стороны письма уходят и принимаются вашим почтовым сервером. Проверьте, \
                                пожалуйста, папку «Спам» и правила фильтрации почты — и напишите, нашлись ли \
                                письма.
                                Дмитрий, служба поддержки""", PENDING),
                story("Учётная запись заблокирована после отпуска", "m.borisova@tehnostroy.example", PHONE, MEDIUM,
                        ACCESS)
                        .says("""
                                Звонок: вернулась из отпуска, учётная запись заблокирована — «превышен срок \
                                неактивности».""")
                        .loggedBy(ANNA).assigned(L1, ANNA).tags("блокировка")
                        .reply(ANNA, """
                                Марина, как договорились по телефону: мы отправили на вашу почту ссылку для \
                                разблокировки. Перейдите по ней и задайте новый пароль, затем ответьте на это \
                                письмо, если что-то не получится.
                                Анна, служба поддержки""", PENDING),
                story("Смена юридического лица в договоре", "g.makarova@zdorovie-plus.example", EMAIL, LOW, PAYMENT)
                        .says("""
                                С нового года работаем от нового юрлица (ООО «Здоровье+ Северо-Запад»). Что нужно \
                                для переоформления?""")
                        .assigned(BILLING, ELENA).tags("договор")
                        .reply(ELENA, """
                                Галина, здравствуйте!
                                Пришлите, пожалуйста, реквизиты нового юрлица и письмо о переводе договора, \
                                подписанное руководителем. Подготовим дополнительное соглашение за два дня.
                                Елена, биллинг""", PENDING),
                story("Импорт клиентов из CSV обрезает отчества", "m.timofeev@mail.example", WEB_FORM, LOW, QUESTION)
                        .says("При импорте клиентов из CSV вместо отчеств получаются знаки вопроса.")
                        .assigned(L1, MARIA).tags("импорт")
                        .reply(MARIA, """
                                Михаил, здравствуйте!
                                Похоже, файл сохранён в кодировке Windows-1251. Пересохраните его в UTF-8 \
                                («Сохранить как → CSV UTF-8») и загрузите снова. Если не поможет — пришлите \
                                файл, посмотрим.
                                Мария, служба поддержки""", PENDING),

                // Open: support is working on them.
                story("Не могу войти после смены пароля", "i.petrov@romashka-trade.example", EMAIL, HIGH, ACCESS)
                        .says("""
                                Здравствуйте!
                                Вчера сменил пароль по требованию системы, сегодня не могу войти: «Неверный логин \
                                или пароль». Пароль точно правильный, раскладка английская. Срочно нужен доступ — \
                                сегодня отгрузки.
                                Иван Петров""")
                        .assigned(L1, MARIA).tags("вход", "пароль")
                        .note(MARIA, """
                                В журнале входа 6 неудачных попыток за 10 минут — учётная запись временно \
                                заблокирована. Разблокирую после подтверждения с почты клиента.""")
                        .reply(MARIA, """
                                Иван, здравствуйте!
                                Учётная запись временно заблокирована после нескольких неудачных попыток. Мы \
                                отправили на вашу почту ссылку для сброса пароля — задайте новый, и доступ \
                                восстановится сразу.
                                Мария, служба поддержки"""),
                story("VPN-подключение обрывается каждые 10 минут", "v.zaitsev@sevlogistic.example", PHONE, HIGH,
                        OUTAGE)
                        .says("""
                                Звонок: у филиала в Мурманске VPN-подключение к сервису обрывается примерно \
                                каждые 10 минут, работать невозможно. Роутер перезагружали.""")
                        .loggedBy(DMITRY).assigned(L1, DMITRY).tags("vpn")
                        .note(DMITRY, """
                                Обрывы ровно через 600 с простоя — похоже на таймаут на их маршрутизаторе. \
                                Передаю на вторую линию: нужен разбор журнала.""")
                        .escalate(DMITRY, NET, SERGEY)
                        .reply(SERGEY, """
                                Виктор, добрый день! Меня зовут Сергей, я инженер второй линии, занимаюсь вашим \
                                вопросом. Пришлите, пожалуйста, журнал VPN-клиента за последний час и модель \
                                маршрутизатора филиала.
                                Сергей, вторая линия"""),
                story("Сайт магазина открывается очень медленно", "e.krylov@uyut-shop.example", CHAT, MEDIUM, OUTAGE)
                        .says("Витрина магазина грузится секунд 15, покупатели жалуются. Что происходит?")
                        .assigned(L1, ANNA).tags("производительность")
                        .reply(ANNA, """
                                Евгений, здравствуйте! Проверяем. Передала вопрос инженерам второй линии, они \
                                ответят в течение часа.
                                Анна, служба поддержки""")
                        .escalate(ANNA, NET, IGOR)
                        .note(IGOR, """
                                Наше API отвечает за 120–180 мс. Тормозит загрузка изображений с CDN клиента — \
                                у них истёк кеш. Готовлю рекомендации.""", LOG),
                story("Двойное списание за тариф", "olga.nikolaeva@mail.example", PHONE, HIGH, PAYMENT)
                        .says("Звонок: с карты дважды списали 2 990 ₽ за один месяц.")
                        .loggedBy(MARIA).assigned(BILLING, ELENA).tags("возврат", "списание")
                        .note(ELENA, """
                                Два платежа с разницей в 40 секунд, второй — повтор от эквайера. Оформляю \
                                возврат второго.""")
                        .reply(ELENA, """
                                Ольга, здравствуйте!
                                Подтверждаю: второе списание ошибочное. Возврат оформлен, деньги вернутся на \
                                карту в течение 3–5 рабочих дней.
                                Елена, биллинг"""),
                story("Не отображаются остатки на складе после обновления", "r.gusev@sevlogistic.example", WEB_FORM,
                        HIGH, OUTAGE)
                        .says("""
                                После вчерашнего обновления в карточках товаров остатки показываются нулевыми, \
                                хотя в отчёте по складу всё есть.""")
                        .assigned(L1, MARIA).tags("ошибка", "склад")
                        .reply(MARIA, """
                                Роман, здравствуйте! Воспроизвели проблему и передали разработчикам как срочную. \
                                Отчёт по складу показывает верные данные — на него можно опираться.
                                Мария, служба поддержки""")
                        .escalate(MARIA, DEV, PAVEL)
                        .note(PAVEL, """
                                Воспроизвёл: после миграции 2.14 кеш остатков не сбрасывается для складов с \
                                пробелом в коде. Исправление готово, выкатим вечерним релизом."""),
                story("Нужен доступ к API для интеграции с CRM", "k.zhukova@tehnostroy.example", EMAIL, MEDIUM,
                        QUESTION)
                        .says("Хотим связать сервис с нашей CRM. Где взять ключ API и документацию?")
                        .assigned(L1, DMITRY).tags("api")
                        .reply(DMITRY, """
                                Ксения, здравствуйте!
                                Ключ API создаёт администратор вашей учётной записи: «Настройки → Интеграции → \
                                API-ключи». Документация — в разделе «Помощь → API». Если нужна помощь с \
                                настройкой, напишите, какую CRM вы используете.
                                Дмитрий, служба поддержки"""),
                story("Письма-уведомления попадают в спам", "l.komarova@zdorovie-plus.example", EMAIL, MEDIUM, OUTAGE)
                        .says("Напоминания пациентам о записи стали попадать в спам у многих получателей.")
                        .assigned(NET, SERGEY).tags("почта", "spf")
                        .note(SERGEY, """
                                У клиента отправка идёт от их домена, а в SPF нет нашего почтового сервера. \
                                Нужно, чтобы их администратор добавил запись.""")
                        .reply(SERGEY, """
                                Людмила, здравствуйте!
                                Письма уходят от имени вашего домена, но в его SPF-записи нет нашего сервера, \
                                поэтому почтовые службы им не доверяют. Инструкцию для вашего администратора \
                                мы пришлём отдельным письмом.
                                Сергей, вторая линия"""),
                story("Ошибка при загрузке прайса: неверный формат файла", "m.egorov@hlebdom.example", PORTAL, MEDIUM,
                        QUESTION)
                        .says("Загружаю прайс в xlsx, пишет «Неверный формат файла». Файл прикладываю скриншотом.")
                        .with(SCREENSHOT).assigned(L1, ANNA).tags("импорт")
                        .reply(ANNA, """
                                Максим, здравствуйте! По скриншоту видно, что в файле есть объединённые ячейки \
                                в шапке — загрузчик их не понимает. Проверяю, можно ли обойти это без правки \
                                файла, вернусь с ответом сегодня.
                                Анна, служба поддержки"""),
                story("Массовый сбой: не открывается личный кабинет", "a.kiselev@zdorovie-plus.example", PHONE,
                        CRITICAL, OUTAGE)
                        .says("Звонок: личный кабинет не открывается ни у кого в клинике, ошибка соединения.")
                        .loggedBy(OLGA).assigned(NET, IGOR).tags("массовый-сбой")
                        .note(OLGA, "За 15 минут 9 похожих звонков. Объявляю массовый инцидент, ответственный — Игорь.")
                        .note(IGOR, """
                                Причина: на одном из балансировщиков истёк сертификат. Перевыпускаем, ориентир — \
                                20 минут.""", LOG)
                        .reply(IGOR, """
                                Артём, добрый день!
                                Мы знаем о проблеме и уже устраняем её: на нашей стороне истёк сертификат одного \
                                из серверов. Доступ восстановится в течение 20 минут, сообщим сразу.
                                Игорь, вторая линия"""),
                story("Как настроить права доступа для кладовщиков", "y.tarasova@sevlogistic.example", PORTAL, LOW,
                        QUESTION)
                        .says("Хотим, чтобы кладовщики видели только свой склад. Как это настроить?")
                        .assigned(L1, MARIA).tags("права")
                        .note(MARIA, "Есть статья в базе знаний про ограничение по складам — пришлю ссылку и шаги."),
                story("Не проходит оплата картой «Мир»", "vladimir.sidorov@mail.example", WEB_FORM, HIGH, PAYMENT)
                        .says("Пытаюсь оплатить тариф картой «Мир», после ввода кода из SMS — «Платёж отклонён».")
                        .assigned(BILLING, ELENA).tags("оплата")
                        .reply(ELENA, """
                                Владимир, здравствуйте!
                                Проверяю платёж у эквайера. Пока можно оплатить по счёту или через СБП — \
                                ссылка на странице оплаты.
                                Елена, биллинг"""),
                story("Тормозит синхронизация мобильного приложения", "g.soloviev@tehnostroy.example", TELEGRAM,
                        MEDIUM, OUTAGE)
                        .says("Мобильное приложение синхронизируется по 5–7 минут, раньше было секунд 20.")
                        .assigned(L1, DMITRY).tags("мобильное-приложение", "производительность")
                        .reply(DMITRY, """
                                Григорий, здравствуйте! Уточните, пожалуйста, версию приложения и сколько \
                                документов у вас в работе — проверю, не упираемся ли в ограничение офлайн-режима.
                                Дмитрий, служба поддержки"""),

                // New: nobody has taken them up yet.
                story("Не приходит SMS с кодом подтверждения", "k.baranov@mail.example", CHAT, MEDIUM, ACCESS)
                        .says("""
                                Добрый день. Пытаюсь войти в приложение, SMS с кодом не приходит уже полчаса. \
                                Нажимал «Отправить ещё раз» три раза. Что делать?""")
                        .team(L1).tags("sms", "вход"),
                story("Прошу выставить счёт на продление на 12 месяцев", "s.kuznetsova@romashka-trade.example", EMAIL,
                        LOW, PAYMENT)
                        .says("""
                                Здравствуйте!
                                Просим выставить счёт на продление тарифа «Бизнес» на 12 месяцев для ООО \
                                «Ромашка-Трейд», 15 пользователей. Реквизиты не изменились. Счёт нужен до \
                                пятницы, чтобы успеть оплатить в этом месяце.""")
                        .team(BILLING).tags("счёт"),
                story("Ошибка 500 при выгрузке отчёта в Excel", "e.belova@sevlogistic.example", WEB_FORM, MEDIUM,
                        OUTAGE)
                        .says("""
                                При выгрузке в Excel отчёта по отгрузкам за месяц появляется страница \
                                «Внутренняя ошибка сервера». За неделю выгружается нормально. Скриншот \
                                прикладываю.""")
                        .with(SCREENSHOT).team(L1).tags("отчёты", "excel"),
                story("Добавьте тёмную тему в мобильное приложение", "liza.grishina@mail.example", PORTAL, LOW, WISH)
                        .says("Работаю вечерами, светлый экран режет глаза. Очень не хватает тёмной темы.")
                        .team(L1).tags("пожелание", "мобильное-приложение"),
                story("Как подключить второго пользователя к кабинету", "t.andreeva@hlebdom.example", PHONE, LOW,
                        QUESTION)
                        .says("""
                                Звонок: хотят дать доступ к кабинету новому бухгалтеру. Спрашивают, нужно ли \
                                докупать лицензию и как это сделать.""")
                        .loggedBy(ANNA).team(L1),
                story("Автоматическое обращение: ошибка синхронизации с 1С", "n.fedotov@tehnostroy.example", API,
                        HIGH, OUTAGE)
                        .says("""
                                Обращение создано модулем интеграции с 1С. Синхронизация справочника \
                                контрагентов завершилась с ошибкой: HTTP 409 Conflict, 37 записей не загружено. \
                                Журнал приложен.""")
                        .with(LOG).team(L1).tags("1с", "интеграция"),
                story("Не работает кнопка «Оплатить» в корзине", "p.nikiforova@uyut-shop.example", EMAIL, CRITICAL,
                        OUTAGE)
                        .says("""
                                СРОЧНО! На сайте магазина кнопка «Оплатить» в корзине не реагирует уже 20 минут. \
                                Мы теряем заказы!""")
                        .team(L1).tags("оплата", "магазин"),
                story("Где скачать закрывающие документы за квартал", "a.morozov@romashka-trade.example", EMAIL,
                        LOW, PAYMENT)
                        .says("""
                                Добрый день! Не нашли в кабинете акт и счёт-фактуру за сентябрь. Подскажите, где \
                                их скачать, или пришлите на этот адрес.""")
                        .team(BILLING).tags("документы"),
                story("Не могу восстановить доступ: сменился номер телефона", "+7 921 555-01-17", PHONE, MEDIUM,
                        ACCESS)
                        .says("""
                                Звонок: клиентка сменила номер телефона и не может получить код для входа. \
                                Почты в учётной записи нет.""")
                        .loggedBy(MARIA).team(L1).tags("вход"),
                story("Консультация по выбору тарифа", "+7 903 555-62-88", PHONE, LOW, QUESTION)
                        .says("""
                                Звонок: ИП, три сотрудника, хочет понять, хватит ли тарифа «Старт» и можно ли \
                                потом перейти на старший тариф без потери данных.""")
                        .loggedBy(DMITRY).team(L1).tags("тариф"),
                story("Не открывается раздел «Склад» после входа", "i.petrov@romashka-trade.example", PORTAL,
                        CRITICAL, OUTAGE)
                        .says("""
                                Раздел «Склад» не открывается у всех сотрудников — бесконечная загрузка. Стоит \
                                отгрузка, на складе очередь из машин.""")
                        .with(SCREENSHOT).team(L1).tags("склад"));
    }
}
