package io.philia.event.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.philia.event.EventRequest;
import io.philia.event.EventSimulation;
import io.philia.event.EventSimulation.Simulation;
import io.philia.program.StoreContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Rules", description = "Earning rules: CEL conditions, effects, limits, versions, simulation")
@SecurityRequirement(name = "storeKey")
class SimulationController {

	private final EventSimulation simulation;

	SimulationController(EventSimulation simulation) {
		this.simulation = simulation;
	}

	@PostMapping("/api/v1/simulate")
	@Operation(summary = "Simulate an event: the points it would earn, rule by rule, and why", description = """
			Takes an event as POST /api/v1/events does (order.paid, order.placed or custom.<name>) and writes \
			nothing: no member is enrolled, no order recorded, no limit used up. Use it to show "this cart earns \
			240 points" before checkout.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "cart",
			value = """
					{"type":"order.paid","member":{"externalId":"C-42"},
					 "order":{"id":"cart-1","currency":"EUR","total":"274.00",
					          "lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"137.00"}]}}""")))
	Simulation simulate(StoreContext store, @RequestBody EventRequest request) {
		return simulation.simulate(store, request);
	}
}
