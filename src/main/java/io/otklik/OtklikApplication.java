package io.otklik;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** Otklik, the help desk: one service made of the application modules below this package. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class OtklikApplication {

    public static void main(String[] args) {
        SpringApplication.run(OtklikApplication.class, args);
    }
}
