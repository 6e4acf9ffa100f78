package io.philia.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.philia.event.EventIngestion;
import io.philia.event.EventRequest;
import io.philia.event.EventRequest.LineData;
import io.philia.event.EventRequest.MemberData;
import io.philia.event.EventRequest.OrderData;
import io.philia.event.EventRequest.RefundData;
import io.philia.program.ApiKeys;
import io.philia.program.NewProgramme;
import io.philia.program.NewStore;
import io.philia.program.Programme;
import io.philia.program.ProgramSettings;
import io.philia.program.Programmes;
import io.philia.program.Store;
import io.philia.program.StoreContext;

/** Seeds the demo programme on the first dev start, and tells the developer where everything is. */
@Component
@ConditionalOnProperty(name = "philia.demo.enabled", havingValue = "true")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String PROGRAMME_NAME = "Demo wine shop";

	private final DemoSettings settings;

	private final ProgramSettings programSettings;

	private final Programmes programmes;

	private final ApiKeys keys;

	private final EventIngestion events;

	private final GeneratedDemo generated;

	DemoData(DemoSettings settings, ProgramSettings programSettings, Programmes programmes, ApiKeys keys,
			EventIngestion events, GeneratedDemo generated) {
		this.settings = settings;
		this.programSettings = programSettings;
		this.programmes = programmes;
		this.keys = keys;
		this.events = events;
		this.generated = generated;
	}

	@EventListener
	@Order(0)
	void onReady(ApplicationReadyEvent ready) {
		Store store = demoStore();
		String key = demoKey();
		if (!keys.exists(key)) {
			keys.register(store.programId(), store.id(), key, "demo");
		}
		seed(new StoreContext(store.programId(), store.id()));
		generated.seed(new StoreContext(store.programId(), store.id()), settings.generatedCustomers());
		int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
				? web.getWebServer().getPort() : 8080;
		String base = "http://localhost:" + port;
		System.out.printf("""

				  Philia is running (dev mode, H2 database in %s)
				    API          %s/api/v1
				    Swagger UI   %s/swagger-ui.html
				    Health       %s/actuator/health
				    DB console   %s/h2-console  (JDBC URL as in application.yml, user sa)
				    Demo API key %s
				    Admin key    %s

				  Try:  curl -H 'Authorization: Bearer %s' %s/api/v1/members

				""", settings.dataDir(), base, base, base, base, key, programSettings.adminKey(), key, base);
	}

	private Store demoStore() {
		Programme programme = programmes.all()
			.stream()
			.filter(p -> p.name().equals(PROGRAMME_NAME))
			.findFirst()
			.orElseGet(() -> programmes.open(new NewProgramme(PROGRAMME_NAME, "points", "Europe/Paris", "fr")));
		return programmes.stores(programme.id())
			.stream()
			.findFirst()
			.orElseGet(() -> programmes.openStore(programme.id(), new NewStore("main", "Cave Demo", "EUR",
					new NewStore.EarningTerms(10L, "15.00", "steps"))));
	}

	/**
	 * PHILIA_DEMO_API_KEY if set; else a key generated once. Either way it is kept beside the dev database,
	 * so that scripts (and the README's tour) read the key in use from one place.
	 */
	private String demoKey() {
		Path file = Path.of(settings.dataDir(), "demo-api-key");
		try {
			String kept = Files.exists(file) ? Files.readString(file).trim() : null;
			String key = settings.apiKey() != null && !settings.apiKey().isBlank() ? settings.apiKey()
					: kept != null ? kept : "phk_demo" + java.util.UUID.randomUUID().toString().replace("-", "");
			if (!key.equals(kept)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, key + "\n");
			}
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the demo API key in " + file, e);
		}
	}

	/** A few members and orders, sent as events with fixed keys: seeding twice changes nothing. */
	private void seed(StoreContext store) {
		var anne = new MemberData("C-42", "anne@example.com", "Anne", "Martin", "fr");
		var bob = new MemberData("C-43", "bob@example.com", "Bob", "Smith", "en");
		var chloe = new MemberData("C-44", "chloe@example.com", "Chloé", "Durand", "fr");
		send(store, "demo-1", paid(anne, "D-1001", "274.00",
				List.of(new LineData("W-1", "wine", "Château Demo", 2, "137.00"))));
		send(store, "demo-2", paid(bob, "D-1002", "59.90",
				List.of(new LineData("C-7", "cheese", null, 3, "19.96"))));
		send(store, "demo-3", paid(chloe, "D-1003", "120.00",
				List.of(new LineData("W-2", "wine", null, 4, "30.00"))));
		send(store, "demo-4", new EventRequest("order.refunded", null, null, new OrderData("D-1003", null, null, null),
				new RefundData(null, null, List.of(new EventRequest.RefundLine("W-2", 1))), null));
		send(store, "demo-5", new EventRequest("order.placed", null, anne,
				new OrderData("D-1004", "EUR", "45.00", List.of(new LineData("G-3", "gift", null, 1, "45.00"))), null,
				null));
	}

	private static EventRequest paid(MemberData member, String orderId, String total, List<LineData> lines) {
		return new EventRequest("order.paid", null, member, new OrderData(orderId, "EUR", total, lines), null, null);
	}

	private void send(StoreContext store, String key, EventRequest event) {
		try {
			events.ingest(store, key, event);
		}
		catch (RuntimeException e) {
			log.warn("Demo event {} was refused: {}", key, e.getMessage());
		}
	}
}
