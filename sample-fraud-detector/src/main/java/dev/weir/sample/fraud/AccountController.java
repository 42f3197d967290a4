package dev.weir.sample.fraud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.weir.spring.query.StateQueryResponse;
import dev.weir.spring.query.StateQueryService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /accounts/{id}}: what the rules currently hold for an account, read from the state
 * of the instance that runs the account's task, wherever that is.
 */
@RestController
class AccountController {

    private final StateQueryService queries;

    AccountController(StateQueryService queries) {
        this.queries = queries;
    }

    @GetMapping("/accounts/{accountId}")
    ResponseEntity<Map<String, Object>> account(@PathVariable String accountId) {
        StateQueryResponse pending = queries.query(SmallThenLargeRule.UID, SmallThenLargeRule.PENDING_SMALL, accountId,
                null);
        StateQueryResponse lastAlert = queries.query(VelocityRule.UID, VelocityRule.LAST_ALERT, accountId, null);
        for (StateQueryResponse response : List.of(pending, lastAlert)) {
            if (response.status() != 200 && response.status() != 404) {
                return ResponseEntity.status(response.status()).body(response.body());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("pendingSmallTransaction", pending.body().get("value"));
        body.put("lastVelocityAlert", lastAlert.body().get("value"));
        body.put("servedBy", pending.body().get("instance"));
        body.put("forwardedBy", pending.body().get("forwardedBy"));
        body.put("task", pending.body().get("task"));
        return ResponseEntity.ok(body);
    }
}
