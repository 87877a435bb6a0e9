package io.otklik.customer.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.otklik.customer.ContactKind;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerFields;
import io.otklik.customer.CustomerId;
import io.otklik.customer.CustomerSegments;
import io.otklik.customer.InvalidFieldValues;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Customers over JSON: register, read, search; their addresses, segments and custom fields; organization managers;
 * merging duplicates. A merged customer's id answers with the customer they were merged into.
 */
@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerApi {

    private final CustomerDirectory customers;
    private final CustomerSegments segments;
    private final CustomerFields fields;
    private final MessageSource messages;

    CustomerApi(CustomerDirectory customers, CustomerSegments segments, CustomerFields fields,
            MessageSource messages) {
        this.customers = customers;
        this.segments = segments;
        this.fields = fields;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerResponse> registerCustomer(@Valid @RequestBody NewCustomerRequest request) {
        CustomerId id = customers.register(request.toNewCustomer());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id.value())
                .toUri();
        return ResponseEntity.created(location).body(read(id));
    }

    @GetMapping("/{id}")
    CustomerResponse getCustomer(@PathVariable long id) {
        return read(new CustomerId(id));
    }

    /** Customers whose name, organization or any address contains {@code q}, by name. */
    @GetMapping
    List<CustomerResponse> searchCustomers(@Valid @ModelAttribute @ParameterObject CustomerSearch search) {
        return customers.profiles(customers.search(search.q(), search.sizeOrDefault())).stream()
                .map(CustomerResponse::of).toList();
    }

    /** Changes the fields present; {@code seesOrganizationTickets} needs a supervisor and an organization. */
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CustomerResponse changeCustomer(@PathVariable long id, @RequestBody CustomerPatch patch) {
        CustomerId customer = new CustomerId(id);
        if (patch.seesOrganizationTickets() != null) {
            customers.allowOrganizationTickets(customer, patch.seesOrganizationTickets());
        }
        return read(customer);
    }

    /** Adds an address; one that belongs to another customer is refused with 409. */
    @PostMapping(path = "/{id}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    CustomerResponse addContact(@PathVariable long id, @Valid @RequestBody ContactRequest request) {
        customers.addContact(new CustomerId(id), request.kind(), request.value());
        return read(new CustomerId(id));
    }

    /** Removes an address, given as stored or as written; the customer's last address is kept (422). */
    @DeleteMapping("/{id}/contacts")
    CustomerResponse removeContact(@PathVariable long id, @RequestParam ContactKind kind,
            @RequestParam String value) {
        customers.removeContact(new CustomerId(id), kind, value);
        return read(new CustomerId(id));
    }

    @PutMapping("/{id}/segments/{segment}")
    CustomerResponse putInSegment(@PathVariable long id, @PathVariable String segment) {
        segments.putIn(new CustomerId(id), segment);
        return read(new CustomerId(id));
    }

    @DeleteMapping("/{id}/segments/{segment}")
    CustomerResponse takeOutOfSegment(@PathVariable long id, @PathVariable String segment) {
        segments.takeOut(new CustomerId(id), segment);
        return read(new CustomerId(id));
    }

    /**
     * Sets custom field values by key; a blank value clears one, fields not named keep theirs. Any value that does
     * not fit its field is refused with 422 listing each, and then nothing is saved.
     */
    @PutMapping(path = "/{id}/fields", consumes = MediaType.APPLICATION_JSON_VALUE)
    CustomerResponse changeFields(@PathVariable long id, @RequestBody Map<String, String> values) {
        fields.change(new CustomerId(id), values);
        return read(new CustomerId(id));
    }

    /**
     * Merges the duplicate into this customer (supervisors): addresses, segments, field values and tickets move
     * here. Merging a customer into themselves or into a merged customer is refused with 422.
     */
    @PostMapping(path = "/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    CustomerResponse mergeDuplicate(@PathVariable long id, @Valid @RequestBody MergeRequest request) {
        customers.merge(new CustomerId(request.duplicateId()), new CustomerId(id));
        return read(new CustomerId(id));
    }

    @GetMapping("/segments")
    List<SegmentResponse> listSegments() {
        return segments.segments().stream().map(SegmentResponse::of).toList();
    }

    @GetMapping("/fields")
    List<FieldResponse> listFields() {
        return fields.fields().stream().map(FieldResponse::of).toList();
    }

    @ExceptionHandler(InvalidFieldValues.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFieldValues e) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                e.message(messages, locale));
        body.setType(URI.create("https://otklik.io/problems/rule-violation"));
        body.setTitle(HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
        body.setProperty("errors", e.problems().entrySet().stream()
                .map(problem -> Map.of("field", problem.getKey(), "message",
                        problem.getValue().message(messages, locale)))
                .toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private CustomerResponse read(CustomerId id) {
        return CustomerResponse.of(customers.profile(id));
    }
}
