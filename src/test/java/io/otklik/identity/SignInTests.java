package io.otklik.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import io.otklik.PostgresTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Signing in with the form: the right password works, guessing is slowed down with a clear message. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserAccounts store;
    @Autowired AuditLog audit;
    @Autowired PasswordEncoder passwords;

    @Test
    void storesPasswordsWithArgon2() {
        String login = open();
        assertThat(store.findByLogin(login).orElseThrow().passwordHash()).startsWith("{argon2}$argon2id$");
    }

    @Test
    void rightPasswordSignsInAndLandsOnTheQueues() throws Exception {
        String login = open();
        mvc.perform(post("/login").param("username", login.toUpperCase(Locale.ROOT)).param("password", "correct-horse")
                .with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        assertThat(audit.findByActorOrderByIdAsc(login)).extracting(AuditEvent::action).contains("sign-in.succeeded");
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileWithAClearMessage() throws Exception {
        String login = open();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", login).param("password", "wrong-" + i).with(csrf()))
                    .andExpect(redirectedUrl("/login?failed&username=" + login.replace("@", "%40")));
        }
        String target = mvc.perform(post("/login").param("username", login).param("password", "correct-horse")
                .with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/login?throttled=");
        long seconds = Long.parseLong(target.replaceAll("^/login\\?throttled=(\\d+).*$", "$1"));
        assertThat(seconds).isBetween(1L, 30L);

        String page = mvc.perform(get(target)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Слишком много неудачных попыток входа. Повторите через " + seconds + " с.");
        String english = mvc.perform(get(target).param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Too many failed sign-in attempts. Try again in " + seconds + " s.");
        assertThat(audit.findByActorOrderByIdAsc(login)).extracting(AuditEvent::action)
                .contains("sign-in.failed", "sign-in.throttled").doesNotContain("sign-in.succeeded");
    }

    @Test
    void wrongPasswordSaysSoAndKeepsTheLogin() throws Exception {
        String login = open();
        mvc.perform(post("/login").param("username", login).param("password", "nope").with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/login").param("failed", "").param("username", login))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Неверный логин или пароль.", "value=\"" + login + "\"");
    }

    private String open() {
        String login = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@otklik.test";
        accounts.open(new NewAccount(login, "Агент", "correct-horse", Role.AGENT, Locale.of("ru")));
        return login;
    }
}
