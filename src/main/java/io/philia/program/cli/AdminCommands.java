package io.philia.program.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;
import io.philia.program.ApiKeys;
import io.philia.program.IssuedApiKey;
import io.philia.program.NewProgramme;
import io.philia.program.NewStore;
import io.philia.program.Programme;
import io.philia.program.Programmes;
import io.philia.program.Store;

/**
 * {@code ./philia admin …}: opens programmes, stores and API keys from a shell, for operators who set up
 * a production database without the HTTP administration API. Runs once and exits.
 */
@Component
@ConditionalOnProperty(name = "philia.cli", havingValue = "admin")
class AdminCommands implements ApplicationRunner, ExitCodeGenerator {

	static final String USAGE = """
			Usage: ./philia admin <command> [--option value ...]
			  list
			  create-programme --name NAME [--points-name points] [--time-zone Europe/Paris] [--locale fr|en]
			  create-store     --programme ID --code CODE --name NAME --currency EUR
			                   [--points 1] [--per 1.00] [--rounding steps|proportional]
			  create-api-key   --programme ID --store ID [--label LABEL]
			  revoke-api-key   --programme ID --key-id ID
			""";

	private final Programmes programmes;

	private final ApiKeys keys;

	private final PrintStream out = System.out;

	/** The exit status for {@code main}: 0 done, 2 refused. */
	private int status;

	AdminCommands(Programmes programmes, ApiKeys keys) {
		this.programmes = programmes;
		this.keys = keys;
	}

	@Override
	public int getExitCode() {
		return status;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Options as an operator types them, "--name value" or "--name=value" (Spring's parser knows only the latter).
		List<String> words = new java.util.ArrayList<>();
		Map<String, String> o = new HashMap<>();
		String[] source = args.getSourceArgs();
		for (int i = 0; i < source.length; i++) {
			String arg = source[i];
			if (!arg.startsWith("--")) {
				words.add(arg);
			}
			else if (arg.contains("=")) {
				o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
			else {
				o.put(arg.substring(2), i + 1 < source.length && !source[i + 1].startsWith("--") ? source[++i] : "");
			}
		}
		String command = words.size() > 1 ? words.get(1) : "help";
		try {
			switch (command) {
				case "list" -> list();
				case "create-programme" -> {
					Programme p = programmes.open(new NewProgramme(o.get("name"), o.get("points-name"),
							o.getOrDefault("time-zone", "Europe/Paris"), o.get("locale")));
					out.println("Programme " + p.id() + " (" + p.name() + ")");
				}
				case "create-store" -> {
					Store s = programmes.openStore(required(o, "programme"),
							new NewStore(o.get("code"), o.get("name"), o.get("currency"),
									new NewStore.EarningTerms(Long.valueOf(o.getOrDefault("points", "1")),
											o.getOrDefault("per", "1.00"), o.getOrDefault("rounding", "steps"))));
					out.println("Store " + s.id() + " (" + s.code() + ", " + s.currency() + ")");
				}
				case "create-api-key" -> {
					IssuedApiKey key = keys.issue(required(o, "programme"), required(o, "store"), o.get("label"));
					out.println("API key " + key.id() + ": " + key.key());
					out.println("Keep it now: Philia stores only its hash and cannot show it again.");
				}
				case "revoke-api-key" -> {
					keys.revoke(required(o, "programme"), required(o, "key-id"));
					out.println("Revoked");
				}
				default -> {
					out.print(USAGE);
					status = command.equals("help") ? 0 : 2;
				}
			}
		}
		catch (InvalidRequest e) {
			e.violations().forEach(v -> System.err.println("--" + v.field() + ": " + v.message()));
			status = 2;
		}
		catch (PhiliaException | NumberFormatException e) {
			System.err.println(e.getMessage());
			status = 2;
		}
	}

	private void list() {
		for (Programme p : programmes.all()) {
			out.println("Programme " + p.id() + "  " + p.name() + "  (" + p.timeZone() + ", " + p.defaultLocale() + ")");
			out.println("  " + SettingsText.of(p.settings()));
			for (Store s : programmes.stores(p.id())) {
				out.println("  Store " + s.id() + "  " + s.code() + "  " + s.name() + "  " + s.currency() + "  earning: "
						+ SettingsText.earning(s.earning()) + "  return window: " + SettingsText.window(s.terms().returnWindow())
						+ (s.returnWindow() == null ? " (programme's)" : ""));
			}
		}
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw InvalidRequest.of(name, "is required");
		}
		return value;
	}
}
