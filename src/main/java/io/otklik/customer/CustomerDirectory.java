package io.otklik.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.otklik.identity.Audit;
import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, finds and describes customers and organizations; keeps each customer's addresses on every channel;
 * merges duplicates.
 *
 * <p>A merged customer keeps their id, and asking about it answers about the customer they were merged into (cards,
 * profile, organization, segments, addresses, changes): an id kept somewhere from before the merge still leads to
 * the right person. Only {@link #names} and {@link #mergedInto} tell the merged customer apart.
 */
@Service
public class CustomerDirectory {

    private final Customers customers;
    private final Organizations organizations;
    private final CustomerLookup lookup;
    private final ContactBook contacts;
    private final CustomerSegments segments;
    private final CustomerFields fields;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerDirectory(Customers customers, Organizations organizations, CustomerLookup lookup, ContactBook contacts,
            CustomerSegments segments, CustomerFields fields, JdbcClient jdbc, Audit audit,
            ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.organizations = organizations;
        this.lookup = lookup;
        this.contacts = contacts;
        this.segments = segments;
        this.fields = fields;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a customer; the organization comes from the request or from the email's domain. An email or phone
     * that already belongs to someone is refused.
     */
    @Transactional
    public CustomerId register(NewCustomer request) {
        String email = blank(request.email()) ? null : ContactKind.EMAIL.checked(request.email());
        String phoneWritten = blank(request.phone()) ? null : request.phone().strip();
        String phone = phoneWritten == null ? null : ContactKind.PHONE.checked(phoneWritten);
        if (email == null && phone == null) {
            throw new RuleViolationException("customer.contact-required");
        }
        if (contacts.ownerOf(ContactKind.EMAIL, email).isPresent()) {
            throw new ConflictException("customer.email-taken", email);
        }
        if (contacts.ownerOf(ContactKind.PHONE, phone).isPresent()) {
            throw new ConflictException("customer.phone-taken", phoneWritten);
        }
        return insert(request.name(), email, phoneWritten, phone, request.organizationId());
    }

    /**
     * The customer known by the request's email (any of their emails) or, failing that, its phone; if neither is
     * known, a new customer registered with all the request's details (named by the address or number when the
     * name is missing).
     */
    @Transactional
    public CustomerId findOrRegister(NewCustomer request) {
        String email = ContactKind.EMAIL.normalize(request.email());
        String phoneWritten = blank(request.phone()) ? null : request.phone().strip();
        String phone = ContactKind.PHONE.normalize(phoneWritten);
        String name = blank(request.name()) ? (email != null ? email : phoneWritten) : request.name();
        if (email == null && phone == null) {
            return register(new NewCustomer(name, request.email(), request.phone(), request.organizationId()));
        }
        return ownerOf(ContactKind.EMAIL, email).or(() -> ownerOf(ContactKind.PHONE, phone))
                .orElseGet(() -> insert(name, email, phone == null ? null : phoneWritten, phone,
                        request.organizationId()));
    }

    /** Writes a customer whose addresses are known to be free (their primary keys still guard against a race). */
    private CustomerId insert(String name, String email, String phoneWritten, String phone,
            OrganizationId requestedOrganization) {
        Long organization = requestedOrganization != null ? existingOrganization(requestedOrganization)
                : organizationByDomain(email);
        Instant now = clock.instant();
        Customer customer = customers.saveAndFlush(new Customer(name, email, phoneWritten, organization, now));
        if (email != null) {
            contacts.add(customer.id(), ContactKind.EMAIL, email, now);
        }
        if (phone != null) {
            contacts.add(customer.id(), ContactKind.PHONE, phone, now);
        }
        return new CustomerId(customer.id());
    }

    /** The customer known by this email or, failing that, by this phone number. */
    @Transactional(readOnly = true)
    public Optional<CustomerId> findByContact(String email, String phone) {
        return findByEmail(email).or(() -> findByPhone(phone));
    }

    /** The customer this address belongs to; the address is compared in its normalized form. */
    @Transactional(readOnly = true)
    public Optional<CustomerId> findByContact(ContactKind kind, String value) {
        return ownerOf(kind, kind.normalize(value));
    }

    @Transactional(readOnly = true)
    public Optional<CustomerId> findByEmail(String email) {
        return findByContact(ContactKind.EMAIL, email);
    }

    /** The customer with this phone number, however it is written ("+7 (495) 123-45-67" is "+74951234567"). */
    @Transactional(readOnly = true)
    public Optional<CustomerId> findByPhone(String phone) {
        return findByContact(ContactKind.PHONE, phone);
    }

    private Optional<CustomerId> ownerOf(ContactKind kind, String address) {
        return contacts.ownerOf(kind, address).map(id -> new CustomerId(lookup.live(new CustomerId(id)).id()));
    }

    @Transactional(readOnly = true)
    public CustomerCard card(CustomerId id) {
        Customer customer = lookup.live(id);
        Map<Long, String> organizationName = customer.organizationId() == null ? Map.of()
                : organizations.findById(customer.organizationId()).map(o -> Map.of(o.id(), o.name())).orElse(Map.of());
        return toCard(customer, organizationName);
    }

    /**
     * Cards for many customers at once, keyed by the ids asked for, in two queries whatever their number (and one more
     * for each merged customer, whose key then holds the card of the customer they became).
     */
    @Transactional(readOnly = true)
    public Map<CustomerId, CustomerCard> cards(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Customer> found = customers.findByIdIn(ids.stream().map(CustomerId::value).distinct().toList());
        Map<Long, Customer> stand = new HashMap<>();
        found.forEach(c -> stand.put(c.id(), c.merged() ? lookup.live(new CustomerId(c.id())) : c));
        List<Long> organizationIds = stand.values().stream().map(Customer::organizationId).filter(Objects::nonNull)
                .distinct().toList();
        Map<Long, String> organizationNames = organizationIds.isEmpty() ? Map.of()
                : organizations.findByIdIn(organizationIds).stream()
                        .collect(Collectors.toMap(Organization::id, Organization::name));
        Map<CustomerId, CustomerCard> result = new HashMap<>();
        stand.forEach((asked, customer) -> result.put(new CustomerId(asked), toCard(customer, organizationNames)));
        return result;
    }

    /** Names as registered, of merged customers too (for history that names who a ticket belonged to). */
    @Transactional(readOnly = true)
    public Map<CustomerId, String> names(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return customers.findByIdIn(ids.stream().map(CustomerId::value).distinct().toList()).stream()
                .collect(Collectors.toMap(c -> new CustomerId(c.id()), Customer::name));
    }

    /** The customer this one was merged into, or empty when it was not merged. */
    @Transactional(readOnly = true)
    public Optional<CustomerId> mergedInto(CustomerId id) {
        Customer stored = lookup.stored(id);
        return stored.merged() ? Optional.of(new CustomerId(lookup.live(id).id())) : Optional.empty();
    }

    /** Card, addresses, segments and field values of the customer. */
    @Transactional(readOnly = true)
    public CustomerProfile profile(CustomerId id) {
        return profiles(List.of(card(id))).getFirst();
    }

    /** Profiles for the given cards, in their order, in three queries whatever their number. */
    @Transactional(readOnly = true)
    public List<CustomerProfile> profiles(List<CustomerCard> cards) {
        List<Long> ids = cards.stream().map(card -> card.id().value()).distinct().toList();
        Map<Long, List<ContactBook.Entry>> addresses = contacts.of(ids);
        Map<Long, SortedSet<String>> memberships = segments.of(ids);
        Map<Long, Map<String, String>> values = fields.valuesOf(ids);
        List<CustomerProfile> result = new ArrayList<>(cards.size());
        for (CustomerCard card : cards) {
            long id = card.id().value();
            List<Contact> known = addresses.getOrDefault(id, List.of()).stream().map(entry -> contact(entry, card))
                    .toList();
            result.add(new CustomerProfile(card, known,
                    Collections.unmodifiableSortedSet(memberships.getOrDefault(id, new TreeSet<>())),
                    Map.copyOf(values.getOrDefault(id, Map.of()))));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationId> organizationOf(CustomerId id) {
        return customers.findById(id.value()).map(c -> lookup.live(id)).map(Customer::organizationId)
                .map(OrganizationId::new);
    }

    /** Changes how the customer is called (the customer does it in the portal's profile); 1–200 characters. */
    @Transactional
    public void rename(CustomerId id, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new RuleViolationException("customer.name-invalid");
        }
        customers.findById(id.value()).orElseThrow(() -> new NotFoundException("customer.not-found", id.value()))
                .rename(name);
    }

    /**
     * Customers whose name, organization's name or any address contains the text, by name; merged customers are
     * not listed. Digits typed with spaces or dashes find a phone however it was written.
     */
    @Transactional(readOnly = true)
    public List<CustomerCard> search(String text, int limit) {
        String typed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String digits = typed.replaceAll("[^0-9]", "");
        boolean phoneLike = digits.length() >= 3 && typed.matches("\\+?[0-9 ()\\-.]+");
        String sql = """
                select c.id from customer c left join organization o on o.id = c.organization_id
                where c.merged_into is null and (lower(c.name) like :text escape '!'
                  or lower(o.name) like :text escape '!' or lower(c.phone) like :text escape '!'
                  or exists (select 1 from customer_contact cc where cc.customer_id = c.id
                             and (lower(cc.address) like :text escape '!'%s)))
                order by lower(c.name), c.id limit %d""".formatted(
                phoneLike ? " or (cc.kind = 'PHONE' and cc.address like :digits escape '!')" : "",
                Math.max(1, Math.min(limit, 200)));
        var statement = jdbc.sql(sql).param("text", "%" + escape(typed) + "%");
        if (phoneLike) {
            statement = statement.param("digits", "%" + digits + "%");
        }
        List<CustomerId> found = statement.query(Long.class).list().stream().map(CustomerId::new).toList();
        Map<CustomerId, CustomerCard> cards = cards(found);
        return found.stream().map(cards::get).toList();
    }

    /** The customer's addresses: emails, phones, Telegram and VK ids; the primary email and phone are marked. */
    @Transactional(readOnly = true)
    public List<Contact> contacts(CustomerId id) {
        CustomerCard card = card(id);
        return contacts.of(card.id().value()).stream().map(entry -> contact(entry, card)).toList();
    }

    /**
     * Gives the customer one more address. An address of someone else is refused; one they already have is fine.
     * The first email or phone becomes the primary one, and an email on an organization's domain brings a customer
     * without an organization into it.
     */
    @Transactional
    public void addContact(CustomerId id, ContactKind kind, String value) {
        Customer customer = lookup.live(id);
        String address = kind.checked(value);
        Optional<Long> owner = contacts.ownerOf(kind, address);
        if (owner.isPresent()) {
            if (owner.get().equals(customer.id())) {
                return;
            }
            throw new ConflictException("customer.contact-taken", address, lookup.live(new CustomerId(owner.get()))
                    .name());
        }
        contacts.add(customer.id(), kind, address, clock.instant());
        customer.adopt(kind, value);
        if (kind == ContactKind.EMAIL && customer.organizationId() == null) {
            customer.joinOrganization(organizationByDomain(address));
        }
    }

    /** Takes an address away from the customer; their last address stays, so they can still be reached. */
    @Transactional
    public void removeContact(CustomerId id, ContactKind kind, String value) {
        Customer customer = lookup.live(id);
        String address = kind.normalize(value);
        if (address == null || !contacts.ownerOf(kind, address).map(customer.id()::equals).orElse(false)) {
            throw new NotFoundException("customer.contact.not-found", value == null ? "" : value.strip());
        }
        if (contacts.count(customer.id()) <= 1) {
            throw new RuleViolationException("customer.contact.last");
        }
        contacts.remove(customer.id(), kind, address);
        customer.forget(kind, address, contacts.first(customer.id(), kind).orElse(null));
    }

    /** Names of the customer's segments (VIP, …), sorted. */
    @Transactional(readOnly = true)
    public Set<String> segmentsOf(CustomerId id) {
        return segments.of(id);
    }

    /** Whether the customer manages their organization's support and may see all of its tickets. */
    @Transactional(readOnly = true)
    public boolean seesOrganizationTickets(CustomerId id) {
        Customer customer = lookup.live(id);
        return customer.seesOrganizationTickets() && customer.organizationId() != null;
    }

    /** Lets the customer see all of their organization's tickets, or stops it; needs an organization to allow. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public void allowOrganizationTickets(CustomerId id, boolean sees) {
        Customer customer = lookup.live(id);
        if (sees && customer.organizationId() == null) {
            throw new RuleViolationException("customer.manager-needs-organization");
        }
        if (customer.seesOrganizationTickets() != sees) {
            customer.letSeeOrganizationTickets(sees);
            audit.record(sees ? "customer.sees-organization-tickets" : "customer.stops-seeing-organization-tickets",
                    "#" + customer.id() + " " + customer.name());
        }
    }

    /**
     * Merges a duplicate into another customer: addresses, segments and the field values the target lacks move to
     * the target, which also takes the duplicate's primary email, phone and organization where it has none. The
     * duplicate stays as a record pointing to the target. Listeners of {@link CustomersMerged} run in this
     * transaction, so what other modules keep for the duplicate (its tickets) moves with it or not at all.
     */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public void merge(CustomerId duplicate, CustomerId into) {
        if (duplicate.equals(into)) {
            throw new RuleViolationException("customer.merge.same");
        }
        Customer source = lookup.stored(duplicate);
        Customer target = lookup.stored(into);
        if (target.merged()) {
            throw new RuleViolationException("customer.merge.into-merged", target.name(),
                    lookup.live(into).name());
        }
        if (source.merged()) {
            throw new RuleViolationException("customer.merge.already-merged", source.name(),
                    lookup.live(duplicate).name());
        }
        Instant now = clock.instant();
        String email = source.email();
        String phone = source.phone();
        // The duplicate lets go of its primary email first: the target may take it, and it is unique.
        source.mergeInto(target.id(), now);
        customers.saveAndFlush(source);
        contacts.moveAll(source.id(), target.id());
        segments.moveAll(source.id(), target.id());
        fields.moveMissing(source.id(), target.id());
        target.absorb(email, phone, source.organizationId());
        jdbc.sql("update customer set merged_into = :into where merged_into = :duplicate").param("into", target.id())
                .param("duplicate", source.id()).update();
        customers.saveAndFlush(target);
        events.publishEvent(new CustomersMerged(duplicate, into, now));
        audit.record("customer.merged", "#" + source.id() + " " + source.name() + " → #" + target.id() + " "
                + target.name());
    }

    @Transactional
    public OrganizationId createOrganization(String name, String domain) {
        if (name == null || name.isBlank()) {
            throw new RuleViolationException("organization.name-required");
        }
        if (domain != null && !domain.isBlank()
                && organizations.findByDomain(domain.trim().toLowerCase(Locale.ROOT)).isPresent()) {
            throw new ConflictException("organization.domain-taken", domain);
        }
        Organization organization = organizations.save(new Organization(name, domain, clock.instant()));
        audit.record("organization.created", name);
        return new OrganizationId(organization.id());
    }

    @Transactional(readOnly = true)
    public List<OrganizationView> organizations() {
        return organizations.findAllByOrderByNameAsc().stream().map(Organization::view).toList();
    }

    /** Customers, not counting those merged into others. */
    @Transactional(readOnly = true)
    public long customerCount() {
        return customers.countByMergedIntoIsNull();
    }

    @Transactional(readOnly = true)
    public long organizationCount() {
        return organizations.count();
    }

    private Long existingOrganization(OrganizationId id) {
        return organizations.findById(id.value()).map(Organization::id)
                .orElseThrow(() -> new NotFoundException("organization.not-found", id.value()));
    }

    private Long organizationByDomain(String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        return organizations.findByDomain(email.substring(email.indexOf('@') + 1)).map(Organization::id).orElse(null);
    }

    private static Contact contact(ContactBook.Entry entry, CustomerCard card) {
        boolean primary = switch (entry.kind()) {
            case EMAIL -> entry.address().equals(card.email());
            case PHONE -> entry.address().equals(ContactKind.PHONE.normalize(card.phone()));
            case TELEGRAM, VK -> false;
        };
        return new Contact(entry.kind(), entry.address(), primary, entry.since());
    }

    private static CustomerCard toCard(Customer c, Map<Long, String> organizationNames) {
        Long organization = c.organizationId();
        return new CustomerCard(new CustomerId(c.id()), c.name(), c.email(), c.phone(),
                organization == null ? null : new OrganizationId(organization),
                organization == null ? null : organizationNames.get(organization), c.createdAt(),
                c.seesOrganizationTickets() && organization != null);
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
