package io.philia.platform.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts what it sends: each statement executed and each JDBC batch is one round trip
 * to the database, and so is each commit. The benches divide these by the events sent: a figure that,
 * unlike a rate, the noise of a shared machine does not move.
 */
final class CountingDataSource extends DelegatingDataSource {

	final LongAdder statements = new LongAdder();

	final LongAdder commits = new LongAdder();

	CountingDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return counting(Connection.class, super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return counting(Connection.class, super.getConnection(username, password));
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(getTargetDataSource()) || super.isWrapperFor(type);
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(getTargetDataSource()) ? type.cast(getTargetDataSource()) : super.unwrap(type);
	}

	private <T> T counting(Class<T> type, T target) {
		InvocationHandler handler = (proxy, method, args) -> {
			count(method);
			Object result = invoke(target, method, args);
			if (result instanceof Statement statement && method.getName().endsWith("Statement")) {
				return counting(kind(statement), statement);
			}
			return result;
		};
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private void count(Method method) {
		String name = method.getName();
		if (name.equals("commit")) {
			commits.increment();
		}
		else if (name.startsWith("execute") && Statement.class.isAssignableFrom(method.getDeclaringClass())) {
			statements.increment();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T extends Statement> Class<T> kind(Statement statement) {
		Class<?> kind = statement instanceof CallableStatement ? CallableStatement.class
				: statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
		return (Class<T>) kind;
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
