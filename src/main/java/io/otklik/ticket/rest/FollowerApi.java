package io.otklik.ticket.rest;

import java.net.URI;
import java.util.List;

import io.otklik.customer.CustomerId;
import io.otklik.shared.NotFoundException;
import io.otklik.ticket.TicketFollowers;
import io.otklik.ticket.TicketId;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The followers of a ticket (CCs) over JSON: list, add by email or customer id, remove. */
@RestController
@RequestMapping(path = "/api/v1/tickets/{number}/followers", produces = MediaType.APPLICATION_JSON_VALUE)
class FollowerApi {

    private final TicketFollowers followers;

    FollowerApi(TicketFollowers followers) {
        this.followers = followers;
    }

    @GetMapping
    List<FollowerResponse> listFollowers(@PathVariable long number) {
        return followers.list(new TicketId(number)).stream().map(FollowerResponse::of).toList();
    }

    @GetMapping("/{customerId}")
    FollowerResponse getFollower(@PathVariable long number, @PathVariable long customerId) {
        return followers.list(new TicketId(number)).stream().filter(f -> f.customer().value() == customerId)
                .map(FollowerResponse::of).findFirst()
                .orElseThrow(() -> new NotFoundException("ticket.follower.not-found", customerId, number));
    }

    /** Answers 201 with the new follower, or 200 when they already followed (nothing changes then). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FollowerResponse> addFollower(@PathVariable long number,
            @Valid @RequestBody FollowerRequest request) {
        TicketId ticket = new TicketId(number);
        List<CustomerId> before = followers.followers(ticket);
        CustomerId customer = request.customerId() != null
                ? followers.add(ticket, new CustomerId(request.customerId()))
                : followers.add(ticket, request.name(), request.email());
        boolean already = before.contains(customer);
        FollowerResponse follower = followers.list(ticket).stream().filter(f -> f.customer().equals(customer))
                .map(FollowerResponse::of).findFirst().orElseThrow();
        if (already) {
            return ResponseEntity.ok(follower);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{customer}")
                .buildAndExpand(follower.customerId()).toUri();
        return ResponseEntity.created(location).body(follower);
    }

    /** Answers 204 whether or not the customer followed the ticket. */
    @DeleteMapping("/{customerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeFollower(@PathVariable long number, @PathVariable long customerId) {
        followers.unfollow(new TicketId(number), new CustomerId(customerId));
    }
}
