package io.otklik.bench;

import java.util.Random;

/** Russian personal and company names, and their Latin spelling for logins, e-mail addresses and domains. */
final class Names {

    private static final String[] MALE = {"Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим",
            "Василий", "Виктор", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий", "Григорий", "Денис",
            "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Леонид", "Максим",
            "Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман", "Руслан", "Сергей", "Станислав",
            "Степан", "Тимур", "Фёдор", "Юрий", "Ярослав"};
    private static final String[] FEMALE = {"Александра", "Алина", "Алла", "Анастасия", "Анна", "Валентина",
            "Валерия", "Вера", "Виктория", "Галина", "Дарья", "Диана", "Евгения", "Екатерина", "Елена", "Елизавета",
            "Жанна", "Зоя", "Инна", "Ирина", "Кристина", "Ксения", "Лариса", "Любовь", "Людмила", "Маргарита",
            "Марина", "Мария", "Надежда", "Наталья", "Нина", "Ольга", "Полина", "Светлана", "София", "Таисия",
            "Татьяна", "Ульяна", "Юлия", "Яна"};
    private static final String[] SURNAMES = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
            "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
            "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
            "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев",
            "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов",
            "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков",
            "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров",
            "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников",
            "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин",
            "Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев",
            "Чернышёв", "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов",
            "Пономарёв", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников",
            "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров",
            "Грачёв", "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов", "Малышев", "Панов", "Моисеев",
            "Румянцев", "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов", "Еремин", "Тихомиров",
            "Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин", "Белоусов", "Нестеров", "Симонов", "Прокофьев",
            "Харитонов", "Князев", "Цветков", "Левин", "Митрофанов", "Воронов", "Аксёнов", "Софронов", "Мальцев",
            "Логинов", "Горшков", "Савин", "Краснов", "Майоров", "Демидов", "Елисеев", "Рыбаков", "Сафонов",
            "Плотников", "Демин", "Хохлов", "Жданов", "Руденко", "Шевченко", "Бондаренко", "Ткаченко", "Ким",
            "Островский", "Вишневский", "Покровский", "Успенский", "Троицкий", "Заславский", "Толстой"};
    private static final String[] FATHERS = {"Александр", "Алексей", "Андрей", "Борис", "Виктор", "Владимир",
            "Геннадий", "Дмитрий", "Евгений", "Иван", "Игорь", "Константин", "Максим", "Михаил", "Олег", "Павел",
            "Пётр", "Роман", "Сергей", "Степан", "Юрий", "Анатолий", "Валерий", "Николай", "Григорий", "Фёдор"};

    private static final String[] BRANDS = {"Вектор", "Гранит", "Меридиан", "Альфа", "Сириус", "Орбита", "Импульс",
            "Северсталь", "Прогресс", "Восход", "Рассвет", "Заря", "Полюс", "Спектр", "Квант", "Атлант", "Феникс",
            "Ока", "Волга", "Кама", "Енисей", "Алтай", "Байкал", "Таймыр", "Ладога", "Нева", "Урал", "Сокол",
            "Беркут", "Кедр", "Берёзка", "Ромашка", "Ласточка", "Горизонт", "Континент", "Магистраль", "Платформа",
            "Эталон", "Стандарт", "Лидер", "Партнёр", "Союз", "Гарант", "Оптима", "Вертикаль", "Профиль", "Модуль"};
    private static final String[] SECTORS = {"Логистика", "Телеком", "Строй", "Торг", "Фарма", "Энерго", "Агро",
            "Медиа", "Софт", "Финанс", "Сервис", "Трейд", "Маркет", "Инвест", "Пром", "Транс", "Мед", "Авто",
            "Недвижимость", "Консалтинг", "Ритейл", "Технологии", "Системы", "Снаб", "Холдинг"};
    private static final String[] FORMS = {"ООО", "ООО", "ООО", "ООО", "АО", "АО", "ПАО", "ГБУ", "ФГУП", "НКО"};
    private static final String[] MAIL_HOSTS = {"mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru",
            "list.ru", "rambler.ru", "ya.ru"};

    private Names() {
    }

    /** A full name (surname, first name, patronymic) agreeing in gender. */
    static Person person(Random random) {
        boolean female = random.nextBoolean();
        String first = pick(random, female ? FEMALE : MALE);
        String surname = pick(random, SURNAMES);
        String father = pick(random, FATHERS);
        return new Person(first, female ? feminine(surname) : surname, patronymic(father, female), surname);
    }

    /** A company: its legal name, and the stem for its web domain. */
    static String[] organization(Random random) {
        String brand = pick(random, BRANDS);
        String sector = pick(random, SECTORS);
        String name = pick(random, FORMS) + " «" + brand + "-" + sector + "»";
        return new String[] {name, latin(brand) + "-" + latin(sector)};
    }

    static String mailHost(Random random) {
        return pick(random, MAIL_HOSTS);
    }

    /** Transliteration close to the one in Russian passports, lower-cased, for the ASCII parts of addresses. */
    static String latin(String cyrillic) {
        StringBuilder out = new StringBuilder(cyrillic.length() + 4);
        for (char c : cyrillic.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            out.append(switch (c) {
                case 'а' -> "a"; case 'б' -> "b"; case 'в' -> "v"; case 'г' -> "g"; case 'д' -> "d";
                case 'е', 'ё', 'э' -> "e"; case 'ж' -> "zh"; case 'з' -> "z"; case 'и' -> "i"; case 'й' -> "i";
                case 'к' -> "k"; case 'л' -> "l"; case 'м' -> "m"; case 'н' -> "n"; case 'о' -> "o";
                case 'п' -> "p"; case 'р' -> "r"; case 'с' -> "s"; case 'т' -> "t"; case 'у' -> "u";
                case 'ф' -> "f"; case 'х' -> "kh"; case 'ц' -> "ts"; case 'ч' -> "ch"; case 'ш' -> "sh";
                case 'щ' -> "shch"; case 'ы' -> "y"; case 'ю' -> "iu"; case 'я' -> "ia"; case 'ъ', 'ь' -> "";
                case ' ', '«', '»' -> "";
                default -> String.valueOf(c);
            });
        }
        return out.toString();
    }

    static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String feminine(String surname) {
        if (surname.endsWith("ский") || surname.endsWith("цкий")) {
            return surname.substring(0, surname.length() - 2) + "ая";
        }
        if (surname.endsWith("ой")) {
            return surname.substring(0, surname.length() - 2) + "ая";
        }
        if (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ёв") || surname.endsWith("ин")) {
            return surname + "а";
        }
        return surname;
    }

    private static String patronymic(String father, boolean female) {
        String stem = father.equals("Пётр") ? "Петр" : father;
        if (stem.endsWith("ий")) {
            return stem.substring(0, stem.length() - 2) + (female ? "ьевна" : "ьевич");
        }
        if (stem.endsWith("й")) {
            return stem.substring(0, stem.length() - 1) + (female ? "евна" : "евич");
        }
        return stem + (female ? "овна" : "ович");
    }

    /** A person's name parts; {@code surnameStem} is the masculine form, which the Latin address uses. */
    record Person(String first, String surname, String patronymic, String surnameStem) {

        String fullName() {
            return surname + " " + first + " " + patronymic;
        }

        String shortName() {
            return first + " " + surname;
        }

        /** {@code i.ivanov}: the usual shape of a corporate mailbox. */
        String mailbox() {
            return latin(first).charAt(0) + "." + latin(surname);
        }
    }
}
