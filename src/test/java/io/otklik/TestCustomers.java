package io.otklik;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;

import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.CustomerSignInLinks;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Customers for tests, registered as the customer directory registers them, and signed in to the portal the way a
 * customer does: with a one-time link, in a browser session of their own.
 */
public final class TestCustomers {

    private TestCustomers() {
    }

    /** A customer with a unique address; returns their id. */
    public static CustomerId add(CustomerDirectory customers, String name) {
        return customers.register(new NewCustomer(name, email(), null, null));
    }

    public static String email() {
        return "customer-" + TestStaff.unique() + "@client.example";
    }

    /** A new browser session in which the customer is signed in to the portal by a link. */
    public static MockHttpSession signIn(MockMvc mvc, CustomerSignInLinks links, CustomerId customer)
            throws Exception {
        MockHttpSession session = new MockHttpSession();
        signIn(mvc, links, customer, session);
        return session;
    }

    /** Signs the customer in to the portal in this session, by a link. */
    public static void signIn(MockMvc mvc, CustomerSignInLinks links, CustomerId customer, MockHttpSession session)
            throws Exception {
        String token = links.issue(customer.value(), Duration.ofMinutes(5));
        mvc.perform(post("/portal/link/{token}", token).session(session).with(csrf()))
                .andExpect(redirectedUrl("/portal/tickets"));
    }
}
