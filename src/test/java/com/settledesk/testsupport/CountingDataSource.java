package com.settledesk.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/** A data source that counts the statements prepared through it: a page that reads N rows in N+1 shows here. */
public final class CountingDataSource {

	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final DataSource counting;
	private final AtomicInteger statements = new AtomicInteger();

	public CountingDataSource(DataSource target) {
		this.counting = proxy(DataSource.class, target, (result, method) -> method.equals("getConnection")
				? proxy(Connection.class, result, (r, m) -> {
					if (STATEMENTS.contains(m)) {
						statements.incrementAndGet();
					}
					return r;
				}) : result);
	}

	public DataSource dataSource() {
		return counting;
	}

	/** Statements prepared since the last call. */
	public int take() {
		return statements.getAndSet(0);
	}

	private interface Wrap {

		Object apply(Object result, String method);
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, Wrap wrap) {
		InvocationHandler handler = (self, method, args) -> {
			try {
				return wrap.apply(method.invoke(target, args), method.getName());
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}
}
