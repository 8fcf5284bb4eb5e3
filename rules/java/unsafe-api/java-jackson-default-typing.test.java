package ward.fixtures.jackson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

class Mappers {

    @SuppressWarnings("deprecation")
    ObjectMapper legacy() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java-jackson-default-typing
        mapper.enableDefaultTyping();
        return mapper;
    }

    ObjectMapper anything() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java-jackson-default-typing
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }

    ObjectMapper ownHelper(ObjectMapper mapper) {
        // ok: java-jackson-default-typing
        AllowListModules.enableDefaultTyping(mapper);
        return mapper;
    }

    static class AllowListModules {
        static void enableDefaultTyping(ObjectMapper mapper) {
            mapper.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType("com.example.").build(), ObjectMapper.DefaultTyping.NON_FINAL);
        }
    }

    ObjectMapper restricted() {
        PolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder().allowIfSubType("com.example.dto.").build();
        ObjectMapper mapper = new ObjectMapper();
        // ok: java-jackson-default-typing
        mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }
}
