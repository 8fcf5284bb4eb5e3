package ward.fixtures.taint.code;

import java.util.Map;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CalcController {
    private final ExpressionParser parser = new SpelExpressionParser();
    private static final Map<String, String> FORMULAS = Map.of("total", "#price * #quantity");

    @GetMapping("/calc")
    Object calc(@RequestParam String expr, @RequestParam String formula, @RequestParam double price) throws ScriptException {
        // ruleid: java-code-injection
        Expression e = parser.parseExpression(expr);
        ScriptEngine js = new ScriptEngineManager().getEngineByName("javascript");
        // ruleid: java-code-injection
        Object r = js.eval("var x = " + expr + "; x");
        StandardEvaluationContext ctx = new StandardEvaluationContext();
        ctx.setVariable("price", price);
        ctx.setVariable("quantity", 2);
        String chosen = FORMULAS.get(formula);
        // ok: java-code-injection
        Object total = parser.parseExpression(chosen).getValue(ctx);
        // ok: java-code-injection
        return String.valueOf(r) + e + total + parser.parseExpression("#price * 2").getValue(ctx);
    }
}
