package io.otklik.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void transliteratesForAddresses() {
        assertEquals("shchukin", Names.latin("Щукин"));
        assertEquals("iakovleva", Names.latin("Яковлева"));
        assertEquals("vektor-logistika", Names.latin("Вектор-Логистика"));
    }

    @Test
    void namesAgreeInGender() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            Names.Person p = Names.person(random);
            boolean female = p.patronymic().endsWith("на");
            assertTrue(female ? p.patronymic().endsWith("вна") : p.patronymic().endsWith("вич"), p.fullName());
            assertTrue(p.mailbox().matches("[a-z]\\.[a-z-]+"), p.mailbox());
        }
    }
}
