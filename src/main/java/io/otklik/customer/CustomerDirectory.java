package io.otklik.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.otklik.identity.Audit;
import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, finds and describes customers and organizations. */
@Service
public class CustomerDirectory {

    private final Customers customers;
    private final Organizations organizations;
    private final Audit audit;
    private final Clock clock;

    CustomerDirectory(Customers customers, Organizations organizations, Audit audit, Clock clock) {
        this.customers = customers;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a customer; the organization comes from the request or from the email's domain. */
    @Transactional
    public CustomerId register(NewCustomer request) {
        String email = Customer.normalizeEmail(request.email());
        if (email == null && (request.phone() == null || request.phone().isBlank())) {
            throw new RuleViolationException("customer.contact-required");
        }
        if (email != null && customers.findByEmail(email).isPresent()) {
            throw new ConflictException("customer.email-taken", email);
        }
        return insert(request, email);
    }

    /** Writes a customer whose email is known to be new (the unique index still guards against a race). */
    private CustomerId insert(NewCustomer request, String email) {
        Long organization = request.organizationId() != null ? existingOrganization(request.organizationId())
                : organizationByDomain(email);
        Customer customer = customers.save(new Customer(request.name(), email, request.phone(), organization,
                clock.instant()));
        return new CustomerId(customer.id());
    }

    /**
     * The customer known by the request's email or, failing that, its phone; if neither is known, a new customer
     * registered with all the request's details (named by the address or number when the name is missing).
     */
    @Transactional
    public CustomerId findOrRegister(NewCustomer request) {
        String email = Customer.normalizeEmail(request.email());
        String phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().trim();
        String name = request.name() == null || request.name().isBlank() ? (email != null ? email : phone)
                : request.name();
        NewCustomer customer = new NewCustomer(name, email, phone, request.organizationId());
        if (email == null && phone == null) {
            return register(customer);
        }
        return findByContact(email, phone).orElseGet(() -> insert(customer, email));
    }

    /** The customer known by this email or, failing that, by this phone number. */
    @Transactional(readOnly = true)
    public Optional<CustomerId> findByContact(String email, String phone) {
        return findByEmail(email).or(() -> findByPhone(phone));
    }

    @Transactional(readOnly = true)
    public Optional<CustomerId> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return customers.findByEmail(Customer.normalizeEmail(email)).map(c -> new CustomerId(c.id()));
    }

    /** The first customer registered with this phone number, written exactly as stored. */
    @Transactional(readOnly = true)
    public Optional<CustomerId> findByPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        return customers.findFirstByPhoneOrderByIdAsc(phone.trim()).map(c -> new CustomerId(c.id()));
    }

    @Transactional(readOnly = true)
    public CustomerCard card(CustomerId id) {
        Customer customer = customers.findById(id.value())
                .orElseThrow(() -> new NotFoundException("customer.not-found", id.value()));
        Map<Long, String> organizationName = customer.organizationId() == null ? Map.of()
                : organizations.findById(customer.organizationId()).map(o -> Map.of(o.id(), o.name())).orElse(Map.of());
        return toCard(customer, organizationName);
    }

    /** Cards for many customers at once, in two queries whatever their number. */
    @Transactional(readOnly = true)
    public Map<CustomerId, CustomerCard> cards(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Customer> found = customers.findByIdIn(ids.stream().map(CustomerId::value).distinct().toList());
        List<Long> organizationIds = found.stream().map(Customer::organizationId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        Map<Long, String> organizationNames = organizationIds.isEmpty() ? Map.of()
                : organizations.findByIdIn(organizationIds).stream()
                        .collect(Collectors.toMap(Organization::id, Organization::name));
        return found.stream().map(c -> toCard(c, organizationNames))
                .collect(Collectors.toMap(CustomerCard::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationId> organizationOf(CustomerId id) {
        return customers.findById(id.value()).map(Customer::organizationId).map(OrganizationId::new);
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

    /** Customers whose name, email or phone contains the text, by name. */
    @Transactional(readOnly = true)
    public List<CustomerCard> search(String text, int limit) {
        String pattern = "%" + (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        List<Customer> found = customers.search(pattern, PageRequest.of(0, Math.max(1, Math.min(limit, 200))));
        Map<CustomerId, CustomerCard> cards = cards(found.stream().map(c -> new CustomerId(c.id())).toList());
        return found.stream().map(c -> cards.get(new CustomerId(c.id()))).toList();
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

    @Transactional(readOnly = true)
    public long customerCount() {
        return customers.count();
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

    private static CustomerCard toCard(Customer c, Map<Long, String> organizationNames) {
        Long organization = c.organizationId();
        return new CustomerCard(new CustomerId(c.id()), c.name(), c.email(), c.phone(),
                organization == null ? null : new OrganizationId(organization),
                organization == null ? null : organizationNames.get(organization), c.createdAt());
    }
}
