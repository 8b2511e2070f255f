package nl.doorstroom.finance.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Euros are written as plain decimals with their cents (46000000.00), never in exponent form (4.6E+7), which is
 * what a BigDecimal read back through a JSON tree would otherwise print.
 */
@Configuration(proxyBeanMethods = false)
public class MoneyJson {

    @Bean
    SimpleModule plainEuros() {
        SimpleModule module = new SimpleModule("plain-euros");
        module.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeNumber(value.scale() < 2 ? value.setScale(2).toPlainString() : value.toPlainString());
            }
        });
        return module;
    }
}
