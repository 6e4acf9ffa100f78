package io.philia.bench;

import java.io.IOException;

import io.philia.bench.load.LoadResult;

/**
 * A load run with the CPU time it cost, per request: in the server, in the PostgreSQL backends of the
 * bench's database, and in the load generator (this JVM). On two shared cores these say where a request's
 * time goes and whether the load generator is itself the limit, whatever the rate was that minute.
 */
record Measured(LoadResult result, double serverUs, double databaseUs, double loadUs, double machineUs) {

	interface Loop {

		LoadResult run() throws InterruptedException, IOException;
	}

	static Measured run(BenchApp app, Loop loop) throws InterruptedException, IOException {
		var server = new CpuMeter(app.process().pid()).start();
		var database = app.database() == null ? null : CpuMeter.postgres(app.database().database()).start();
		var load = CpuMeter.self().start();
		var machine = CpuMeter.machine().start();
		LoadResult result = loop.run();
		double requests = Math.max(1, result.ok() + result.failed());
		return new Measured(result, server.seconds() * 1e6 / requests,
				database == null ? 0 : database.seconds() * 1e6 / requests, load.seconds() * 1e6 / requests,
				machine.seconds() * 1e6 / requests);
	}

	String summary() {
		return result.summary() + "; CPU per request: server %.0f µs, database %.0f µs, load generator %.0f µs, machine %.0f µs"
			.formatted(serverUs, databaseUs, loadUs, machineUs);
	}
}
