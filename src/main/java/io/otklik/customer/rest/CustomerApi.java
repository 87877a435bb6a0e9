package io.otklik.customer.rest;

import java.net.URI;
import java.util.List;

import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Customers over JSON: register, read, search. */
@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerApi {

    private final CustomerDirectory customers;

    CustomerApi(CustomerDirectory customers) {
        this.customers = customers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerResponse> registerCustomer(@Valid @RequestBody NewCustomerRequest request) {
        CustomerId id = customers.register(request.toNewCustomer());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id.value())
                .toUri();
        return ResponseEntity.created(location).body(CustomerResponse.of(customers.card(id)));
    }

    @GetMapping("/{id}")
    CustomerResponse getCustomer(@PathVariable long id) {
        return CustomerResponse.of(customers.card(new CustomerId(id)));
    }

    /** Customers whose name, email or phone contains {@code q}, by name. */
    @GetMapping
    List<CustomerResponse> searchCustomers(@Valid @ModelAttribute @ParameterObject CustomerSearch search) {
        return customers.search(search.q(), search.sizeOrDefault()).stream().map(CustomerResponse::of).toList();
    }
}
