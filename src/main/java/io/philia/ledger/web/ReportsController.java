package io.philia.ledger.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.philia.ledger.Liability;
import io.philia.ledger.LiabilityReport;
import io.philia.platform.TimeBounds;
import io.philia.platform.Violations;
import io.philia.program.StoreContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Finance: points liability, breakage")
@SecurityRequirement(name = "storeKey")
class ReportsController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private final Liability liability;

	ReportsController(Liability liability) {
		this.liability = liability;
	}

	@GetMapping("/liability")
	@Operation(summary = "Points liability of the programme, period by period",
			description = "Outstanding points (pending, available) and their value at the programme's cost per point; "
					+ "issued, clawed back, adjusted, redeemed and expired per period (days in the programme's time zone, "
					+ "'from' and 'to' included); breakage rate = expired ÷ (redeemed + expired). As CSV with "
					+ "'Accept: text/csv' or '?format=csv' (one line per period, then a total line).",
			responses = @ApiResponse(responseCode = "200", content = {
					@Content(mediaType = "application/json", schema = @Schema(implementation = LiabilityReport.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string", example = CsvReport.EXAMPLE)) }))
	ResponseEntity<?> liability(StoreContext store, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String period,
			@RequestParam(required = false) String format,
			@RequestHeader(name = "Accept", required = false) String accept) {
		var v = new Violations();
		LocalDate first = date(v, "from", from);
		LocalDate last = date(v, "to", to);
		if (format != null && !format.equals("csv") && !format.equals("json")) {
			v.add("format", "must be csv or json");
		}
		v.throwIfAny();
		LiabilityReport report = liability.report(store.programId(), first, last, period == null ? "month" : period);
		boolean csv = "csv".equals(format) || format == null && accept != null && accept.contains("text/csv");
		if (csv) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
				.header("Content-Disposition", "attachment; filename=\"liability-" + first + "-" + last + ".csv\"")
				.body(CsvReport.of(report));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	private static LocalDate date(Violations v, String field, String value) {
		if (value == null || value.isBlank()) {
			v.add(field, "is required, a date such as 2026-01-31");
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			v.add(field, "must be a date such as 2026-01-31");
			return null;
		}
		return TimeBounds.check(v, field, date);
	}
}
