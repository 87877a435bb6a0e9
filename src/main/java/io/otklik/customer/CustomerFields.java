package io.otklik.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.otklik.identity.Audit;
import io.otklik.shared.ConflictException;
import io.otklik.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom fields of customers: administrators define them (a contract number, a renewal date), agents fill them in
 * on the customer's card. Each value is checked against its field's type.
 */
@Service
public class CustomerFields {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_OPTION_LENGTH = 200;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private final JdbcClient jdbc;
    private final CustomerLookup lookup;
    private final Audit audit;
    private final Clock clock;

    CustomerFields(JdbcClient jdbc, CustomerLookup lookup, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.lookup = lookup;
        this.audit = audit;
        this.clock = clock;
    }

    /** The fields, in the order they were added. */
    @Transactional(readOnly = true)
    public List<CustomField> fields() {
        return definitions().stream().map(Definition::field).toList();
    }

    /**
     * Adds a field to every customer's card. The key is what the API calls it: lower-case latin letters, digits,
     * "-" and "_"; a choice needs its options.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void define(CustomField field) {
        String key = field.key() == null ? "" : field.key().strip().toLowerCase(Locale.ROOT);
        if (!KEY.matcher(key).matches()) {
            throw new RuleViolationException("customer.field.key-invalid");
        }
        String name = field.name() == null ? "" : field.name().strip();
        if (name.isEmpty()) {
            throw new RuleViolationException("customer.field.name-required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new RuleViolationException("customer.field.name-too-long");
        }
        if (field.type() == null) {
            throw new RuleViolationException("customer.field.type-required");
        }
        Set<String> options = new LinkedHashSet<>();
        if (field.type() == CustomFieldType.CHOICE) {
            field.options().stream().map(String::strip).filter(option -> !option.isEmpty()).forEach(options::add);
            if (options.isEmpty()) {
                throw new RuleViolationException("customer.field.options-required");
            }
            if (options.stream().anyMatch(option -> option.length() > MAX_OPTION_LENGTH)) {
                throw new RuleViolationException("customer.field.option-too-long");
            }
        }
        if (jdbc.sql("select count(*) from customer_field where code = :key").param("key", key).query(Long.class)
                .single() > 0) {
            throw new ConflictException("customer.field.key-taken", key);
        }
        long id = jdbc.sql("select nextval('customer_field_seq')").query(Long.class).single();
        int position = jdbc.sql("select count(*) from customer_field").query(Integer.class).single();
        jdbc.sql("""
                        insert into customer_field (id, code, name, field_type, options, position, created_at)
                        values (:id, :key, :name, :type, :options, :position, :at)""")
                .param("id", id).param("key", key).param("name", name).param("type", field.type().name())
                .param("options", options.isEmpty() ? null : String.join("\n", options)).param("position", position)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        audit.record("customer.field.defined", key + " (" + field.type() + ")");
    }

    /** The customer's values by field key, in their stored form; fields without a value are left out. */
    @Transactional(readOnly = true)
    public Map<String, String> valuesOf(CustomerId customer) {
        long id = lookup.live(customer).id();
        return valuesOf(List.of(id)).getOrDefault(id, Map.of());
    }

    /**
     * Sets the given fields' values (blank clears one); fields not named keep theirs. Every value is checked first:
     * if any is refused, nothing is saved and {@link InvalidFieldValues} says why for each.
     */
    @Transactional
    public void change(CustomerId customer, Map<String, String> values) {
        long id = lookup.live(customer).id();
        Map<String, Definition> byKey = new HashMap<>();
        definitions().forEach(definition -> byKey.put(definition.field().key(), definition));
        Map<String, RuleViolationException> problems = new LinkedHashMap<>();
        Map<Definition, String> accepted = new LinkedHashMap<>();
        values.forEach((key, typed) -> {
            Definition definition = byKey.get(key);
            if (definition == null) {
                problems.put(key, new RuleViolationException("customer.field.unknown", key));
                return;
            }
            try {
                accepted.put(definition, definition.field().type().canonical(typed, definition.field().options()));
            } catch (RuleViolationException e) {
                problems.put(key, e);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFieldValues(problems);
        }
        accepted.forEach((definition, value) -> {
            jdbc.sql("delete from customer_field_value where customer_id = :customer and field_id = :field")
                    .param("customer", id).param("field", definition.id()).update();
            if (value != null) {
                jdbc.sql("insert into customer_field_value (customer_id, field_id, field_value) "
                                + "values (:customer, :field, :value)")
                        .param("customer", id).param("field", definition.id()).param("value", value).update();
            }
        });
    }

    Map<Long, Map<String, String>> valuesOf(Collection<Long> customers) {
        Map<Long, Map<String, String>> result = new HashMap<>();
        if (customers.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select v.customer_id, f.code, v.field_value from customer_field_value v
                        join customer_field f on f.id = v.field_id
                        where v.customer_id in (:customers) order by f.position""")
                .param("customers", customers)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("customer_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("code"), rs.getString("field_value"));
                });
        return result;
    }

    /** Gives the target the duplicate's values of the fields the target has no value for (merge). */
    void moveMissing(long from, long to) {
        jdbc.sql("""
                        insert into customer_field_value (customer_id, field_id, field_value)
                        select :to, d.field_id, d.field_value from customer_field_value d where d.customer_id = :from
                        and not exists (select 1 from customer_field_value t where t.customer_id = :to
                                        and t.field_id = d.field_id)""")
                .param("to", to).param("from", from).update();
        jdbc.sql("delete from customer_field_value where customer_id = :from").param("from", from).update();
    }

    private List<Definition> definitions() {
        return jdbc.sql("select id, code, name, field_type, options from customer_field order by position, id")
                .query((rs, n) -> new Definition(rs.getLong("id"), new CustomField(rs.getString("code"),
                        rs.getString("name"), CustomFieldType.valueOf(rs.getString("field_type")),
                        rs.getString("options") == null ? List.of()
                                : Arrays.asList(rs.getString("options").split("\n")))))
                .list();
    }

    private record Definition(long id, CustomField field) {
    }
}
