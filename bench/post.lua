-- wrk script for bench/webhooks.sh: the receiver's own ceiling, a POST of an event-sized body.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.rep('{"id":"00000000-0000-0000-0000-000000000000","type":"transaction.captured","data":{}}', 4)
