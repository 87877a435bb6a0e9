package io.otklik.system;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL session settings for every pooled connection.
 *
 * <p>{@code plan_cache_mode = force_custom_plan}: the driver prepares a statement on the server from its fifth use,
 * and PostgreSQL then may switch to one generic plan for all parameter values. For queue listings that plan walks
 * the whole ticket table when an agent's queue is empty (seconds on a million tickets, see docs/benchmarks.md);
 * planning with the real values costs a fraction of a millisecond.
 */
@Component
class DatabaseTuning implements BeanPostProcessor {

    static final String POSTGRES_SESSION = "set plan_cache_mode = force_custom_plan";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(POSTGRES_SESSION);
        }
        return bean;
    }
}
