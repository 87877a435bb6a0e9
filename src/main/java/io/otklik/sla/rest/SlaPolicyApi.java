package io.otklik.sla.rest;

import java.util.ArrayList;
import java.util.List;

import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaPolicyView;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service-level policies over JSON, read only: what the administration screen shows. */
@RestController
class SlaPolicyApi {

    private final SlaPolicyAdministration administration;

    SlaPolicyApi(SlaPolicyAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "The SLA policies in the order they are tried (supervisors and administrators)",
            description = "A ticket gets the first enabled policy whose conditions it matches; the last one is the "
                    + "default policy, which matches every ticket. Targets are minutes of working time on the policy's "
                    + "business calendar, null where the policy sets none; the first-answer cap is calendar minutes.")
    @GetMapping(path = "/api/v1/sla-policies", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SlaPolicyResponse> listSlaPolicies() {
        List<SlaPolicyView> policies = administration.policies();
        List<SlaPolicyResponse> responses = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            responses.add(SlaPolicyResponse.of(policies.get(i), i + 1));
        }
        return responses;
    }
}
