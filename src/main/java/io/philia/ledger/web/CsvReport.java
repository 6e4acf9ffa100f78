package io.philia.ledger.web;

import java.util.StringJoiner;

import io.philia.ledger.LiabilityReport;
import io.philia.ledger.LiabilityReport.Outstanding;

/** The liability report as CSV (RFC 4180): a header, one line per period, a total line. */
final class CsvReport {

	static final String EXAMPLE = """
			period_from,period_to,issued,clawed_back,adjusted,redeemed,expired,breakage_rate,pending_at_end,\
			available_at_end,outstanding_at_end,value_at_end,currency
			2026-01-01,2026-01-31,18200,900,50,6000,0,0.0000,2400,8950,11350,56.75,EUR
			""";

	private static final String HEADER = "period_from,period_to,issued,clawed_back,adjusted,redeemed,expired,"
			+ "breakage_rate,pending_at_end,available_at_end,outstanding_at_end,value_at_end,currency";

	private CsvReport() {
	}

	static String of(LiabilityReport report) {
		var out = new StringBuilder(HEADER).append("\r\n");
		Outstanding last = report.opening();
		for (var p : report.periods()) {
			line(out, p.from().toString(), p.to().toString(), p.issued(), p.clawedBack(), p.adjusted(), p.redeemed(),
					p.expired(), p.breakageRate(), p.end());
			last = p.end();
		}
		var t = report.totals();
		line(out, report.from().toString(), report.to().toString(), t.issued(), t.clawedBack(), t.adjusted(),
				t.redeemed(), t.expired(), t.breakageRate(), last);
		return out.toString();
	}

	private static void line(StringBuilder out, String from, String to, long issued, long clawedBack, long adjusted,
			long redeemed, long expired, String breakage, Outstanding end) {
		var cells = new StringJoiner(",");
		cells.add(from).add(to).add(Long.toString(issued)).add(Long.toString(clawedBack)).add(Long.toString(adjusted))
			.add(Long.toString(redeemed)).add(Long.toString(expired)).add(breakage == null ? "" : breakage)
			.add(Long.toString(end.pending())).add(Long.toString(end.available())).add(Long.toString(end.points()))
			.add(end.value() == null ? "" : end.value().amount())
			.add(end.value() == null ? "" : end.value().currencyCode());
		out.append(cells).append("\r\n");
	}
}
