package io.otklik.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.shared.ConflictException;
import io.otklik.shared.RuleViolationException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Customers with many addresses, segments, custom fields, organization managers and merged duplicates. */
@SpringBootTest
class CustomerDirectoryTests extends PostgresTest {

    @Autowired
    CustomerDirectory customers;

    @Autowired
    CustomerSegments segments;

    @Autowired
    CustomerFields fields;

    String marker;

    @BeforeEach
    void marker() {
        marker = TestStaff.unique();
    }

    @Test
    void findsACustomerByAnyOfTheirEmailsAndByTheirPhoneHoweverWritten() {
        CustomerId anna = customers.register(new NewCustomer("Анна " + marker, "anna-" + marker + "@work.example",
                "+7 (921) 555-" + digits(), null));
        customers.addContact(anna, ContactKind.EMAIL, " Anna." + marker + "@Home.Example ");

        assertThat(customers.findOrRegister(new NewCustomer("Анна с домашнего", "anna." + marker + "@home.example",
                null, null))).isEqualTo(anna);
        assertThat(customers.findByContact(ContactKind.EMAIL, "ANNA." + marker + "@HOME.EXAMPLE")).contains(anna);
        String phone = customers.card(anna).phone();
        assertThat(customers.findByPhone(phone.replaceAll("[^+0-9]", ""))).contains(anna);
        assertThat(customers.findOrRegister(new NewCustomer(null, null, phone.replace("(", "").replace(")", ""),
                null))).isEqualTo(anna);
        assertThat(customers.card(anna).email()).as("the first email stays the primary one")
                .isEqualTo("anna-" + marker + "@work.example");
        assertThat(customers.contacts(anna)).extracting(Contact::kind, Contact::value, Contact::primary)
                .containsExactly(
                        tuple(ContactKind.EMAIL, "anna-" + marker + "@work.example", true),
                        tuple(ContactKind.EMAIL, "anna." + marker + "@home.example", false),
                        tuple(ContactKind.PHONE, phone.replaceAll("[^+0-9]", ""), true));
    }

    @Test
    void anAddressBelongsToOneCustomerOnly() {
        String email = "shared-" + marker + "@mail.example";
        CustomerId first = customers.register(new NewCustomer("Первый", email, null, null));
        CustomerId second = customers.register(new NewCustomer("Второй", null, "+7 900 " + digits(), null));

        assertThatThrownBy(() -> customers.addContact(second, ContactKind.EMAIL, email.toUpperCase()))
                .isInstanceOf(ConflictException.class).hasMessage("customer.contact-taken");
        assertThatThrownBy(() -> customers.register(new NewCustomer("Третий", null, customers.card(second).phone(),
                null))).isInstanceOf(ConflictException.class).hasMessage("customer.phone-taken");
        customers.addContact(first, ContactKind.EMAIL, email);
        assertThat(customers.contacts(first)).hasSize(1);
        assertThat(customers.contacts(second)).extracting(Contact::kind).containsExactly(ContactKind.PHONE);
    }

    @Test
    void theLastAddressCannotBeRemovedAndARemovedPrimaryIsReplaced() {
        CustomerId customer = customers.register(new NewCustomer("Пётр " + marker, "petr-" + marker + "@a.example",
                null, null));
        customers.addContact(customer, ContactKind.TELEGRAM, " @petr_" + marker + " ");
        customers.addContact(customer, ContactKind.EMAIL, "petr-" + marker + "@b.example");

        customers.removeContact(customer, ContactKind.EMAIL, "petr-" + marker + "@a.example");
        assertThat(customers.card(customer).email()).isEqualTo("petr-" + marker + "@b.example");
        customers.removeContact(customer, ContactKind.EMAIL, "petr-" + marker + "@b.example");
        assertThat(customers.card(customer).email()).isNull();

        assertThatThrownBy(() -> customers.removeContact(customer, ContactKind.TELEGRAM, "@petr_" + marker))
                .isInstanceOf(RuleViolationException.class).hasMessage("customer.contact.last");
        assertThat(customers.contacts(customer)).extracting(Contact::value).containsExactly("@petr_" + marker);
        assertThat(customers.findByContact(ContactKind.TELEGRAM, "@petr_" + marker)).contains(customer);
    }

    @Test
    void anEmailOnAnOrganizationsDomainBringsACustomerWithoutOneIntoIt() {
        String domain = "org-" + marker + ".example";
        OrganizationId organization = customers.createOrganization("ООО «" + marker + "»", domain);
        CustomerId caller = customers.register(new NewCustomer("Звонивший", null, "+7 911 " + digits(), null));
        assertThat(customers.organizationOf(caller)).isEmpty();

        customers.addContact(caller, ContactKind.EMAIL, "caller@" + domain);

        assertThat(customers.organizationOf(caller)).contains(organization);
        assertThat(customers.card(caller).organizationName()).isEqualTo("ООО «" + marker + "»");
    }

    @Test
    void searchFindsACustomerByASecondaryAddressTheOrganizationOrPhoneDigits() {
        OrganizationId organization = customers.createOrganization("Пекарня " + marker, null);
        CustomerId customer = customers.register(new NewCustomer("Ольга", "olga-" + marker + "@a.example",
                null, organization));
        customers.addContact(customer, ContactKind.VK, "id" + marker);
        String digits = digits();
        customers.addContact(customer, ContactKind.PHONE, "+7 (812) 4" + digits.substring(0, 2) + "-"
                + digits.substring(2));

        assertThat(customers.search("ID" + marker, 10)).extracting(CustomerCard::id).containsExactly(customer);
        assertThat(customers.search("пекарня " + marker, 10)).extracting(CustomerCard::id).containsExactly(customer);
        assertThat(customers.search("812 4" + digits.substring(0, 2) + " " + digits.substring(2), 10))
                .extracting(CustomerCard::id).contains(customer);
    }

    @Test
    void segmentsAndTheirMembers() {
        String segment = "Партнёры " + marker;
        TestStaff.asAdmin(() -> {
            segments.create(segment);
            return null;
        });
        CustomerId customer = customers.register(new NewCustomer("Партнёр", "partner-" + marker + "@a.example",
                null, null));

        segments.putIn(customer, "VIP");
        segments.putIn(customer, segment.toUpperCase());
        segments.putIn(customer, "vip");

        assertThat(customers.segmentsOf(customer)).containsExactly("VIP", segment);
        assertThat(segments.segments()).filteredOn(view -> view.name().equals(segment))
                .singleElement().extracting(SegmentView::customers).isEqualTo(1L);
        segments.takeOut(customer, "VIP");
        assertThat(customers.segmentsOf(customer)).containsExactly(segment);
        assertThatThrownBy(() -> asAgent(() -> segments.create("Ещё один")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestStaff.asAdmin(() -> {
            segments.create(" vip ");
            return null;
        })).isInstanceOf(ConflictException.class);
    }

    @Test
    void customFieldValuesAreCheckedAgainstTheirTypeAndNothingIsSavedWhenOneIsWrong() {
        String number = "seats_" + marker;
        String date = "renewal_" + marker;
        String plan = "plan_" + marker;
        TestStaff.asAdmin(() -> {
            fields.define(new CustomField(number, "Рабочих мест", CustomFieldType.NUMBER, List.of()));
            fields.define(new CustomField(date, "Продление", CustomFieldType.DATE, List.of()));
            fields.define(new CustomField(plan, "Тариф", CustomFieldType.CHOICE, List.of("Старт", "Бизнес")));
            return null;
        });
        CustomerId customer = customers.register(new NewCustomer("Поля", "fields-" + marker + "@a.example", null,
                null));

        assertThatThrownBy(() -> fields.change(customer, Map.of(number, "двадцать", date, "31.02.2025",
                plan, "Бизнес")))
                .isInstanceOfSatisfying(InvalidFieldValues.class, e -> assertThat(e.problems())
                        .extractingFromEntries(entry -> entry.getKey() + ": " + entry.getValue().code())
                        .containsExactlyInAnyOrder(number + ": customer.field.not-a-number",
                                date + ": customer.field.not-a-date"));
        assertThat(fields.valuesOf(customer)).isEmpty();

        fields.change(customer, Map.of(number, "1 250,5", date, "28.02.2025", plan, "бизнес"));

        assertThat(fields.valuesOf(customer)).containsEntry(number, "1250.5").containsEntry(date, "2025-02-28")
                .containsEntry(plan, "Бизнес");
        fields.change(customer, Map.of(number, " "));
        assertThat(fields.valuesOf(customer)).doesNotContainKey(number).containsKey(date);
    }

    @Test
    void anOrganizationsManagerIsSetBySupervisorsAndNeedsAnOrganization() {
        OrganizationId organization = customers.createOrganization("Склад " + marker, null);
        CustomerId manager = customers.register(new NewCustomer("Руководитель", "boss-" + marker + "@a.example",
                null, organization));
        CustomerId loner = customers.register(new NewCustomer("Одиночка", "alone-" + marker + "@a.example", null,
                null));

        assertThatThrownBy(() -> asAgent(() -> customers.allowOrganizationTickets(manager, true)))
                .isInstanceOf(AccessDeniedException.class);
        TestStaff.asAdmin(() -> {
            customers.allowOrganizationTickets(manager, true);
            return null;
        });
        assertThatThrownBy(() -> TestStaff.asAdmin(() -> {
            customers.allowOrganizationTickets(loner, true);
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessage("customer.manager-needs-organization");

        assertThat(customers.seesOrganizationTickets(manager)).isTrue();
        assertThat(customers.card(manager).seesOrganizationTickets()).isTrue();
        assertThat(customers.seesOrganizationTickets(loner)).isFalse();
    }

    @Test
    void mergingMovesAddressesSegmentsAndMissingFieldValuesAndHidesTheDuplicate() {
        String contract = "contract_" + marker;
        TestStaff.asAdmin(() -> {
            fields.define(new CustomField(contract, "Договор", CustomFieldType.TEXT, List.of()));
            return null;
        });
        CustomerId target = customers.register(new NewCustomer("Игорь Лосев " + marker, null, "+7 903 " + digits(),
                null));
        CustomerId duplicate = customers.register(new NewCustomer("И. Лосев " + marker, "losev-" + marker
                + "@mail.example", null, null));
        customers.addContact(duplicate, ContactKind.TELEGRAM, "@losev_" + marker);
        segments.putIn(duplicate, "VIP");
        fields.change(duplicate, Map.of(contract, "Д-" + marker));

        TestStaff.asAdmin(() -> {
            customers.merge(duplicate, target);
            return null;
        });

        assertThat(customers.contacts(target)).extracting(Contact::value)
                .contains("losev-" + marker + "@mail.example", "@losev_" + marker);
        assertThat(customers.card(target).email()).isEqualTo("losev-" + marker + "@mail.example");
        assertThat(customers.segmentsOf(target)).containsExactly("VIP");
        assertThat(fields.valuesOf(target)).containsEntry(contract, "Д-" + marker);
        assertThat(customers.findByEmail("losev-" + marker + "@mail.example")).contains(target);
        assertThat(customers.search(marker, 10)).extracting(CustomerCard::id).containsExactly(target);
        assertThat(customers.mergedInto(duplicate)).contains(target);
        assertThat(customers.card(duplicate).id()).as("the old id leads to the customer it became").isEqualTo(target);
        assertThat(customers.names(List.of(duplicate))).containsEntry(duplicate, "И. Лосев " + marker);
    }

    @Test
    void aCustomerIsNotMergedIntoThemselvesNorIntoAMergedCustomer() {
        CustomerId first = customers.register(new NewCustomer("Первый", "m1-" + marker + "@a.example", null, null));
        CustomerId second = customers.register(new NewCustomer("Второй", "m2-" + marker + "@a.example", null, null));
        CustomerId third = customers.register(new NewCustomer("Третий", "m3-" + marker + "@a.example", null, null));
        TestStaff.asAdmin(() -> {
            customers.merge(second, first);
            return null;
        });

        assertThatThrownBy(() -> TestStaff.asAdmin(() -> {
            customers.merge(third, third);
            return null;
        })).hasMessage("customer.merge.same");
        assertThatThrownBy(() -> TestStaff.asAdmin(() -> {
            customers.merge(third, second);
            return null;
        })).hasMessage("customer.merge.into-merged");
        assertThatThrownBy(() -> TestStaff.asAdmin(() -> {
            customers.merge(second, third);
            return null;
        })).hasMessage("customer.merge.already-merged");
        assertThatThrownBy(() -> asAgent(() -> customers.merge(third, first)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(customers.contacts(third)).extracting(Contact::value).containsExactly("m3-" + marker + "@a.example");
    }

    /** Runs work as a plain agent, who may not manage segments, managers or merges. */
    private static void asAgent(Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken("agent", null, "ROLE_AGENT"));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static String digits() {
        return String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
