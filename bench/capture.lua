-- wrk script for bench/webhooks.sh: single captures through the gateway API, each with a reference of its own.
-- wrk -s bench/capture.lua URL -- <bearer token> <merchantNo:terminalSn,...> <reference prefix>
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  token = args[1]
  terminals = {}
  for pair in string.gmatch(args[2], "[^,]+") do
    local merchant, sn = pair:match("([^:]+):([^:]+)")
    table.insert(terminals, { merchant, sn })
  end
  prefix = args[3] .. "-" .. tid .. "-"
  counter = 0
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  counter = counter + 1
  local t = terminals[(counter % #terminals) + 1]
  local body = string.format(
    '{"reference":"%s%d","merchantNo":"%s","terminalSn":"%s","channel":"QR_WECHAT","cardKind":"NONE","amountFen":%d,"occurredAt":"%s"}',
    prefix, counter, t[1], t[2], 100 + counter % 900, os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format("POST", "/api/v1/acquiring/transactions", headers, body)
end
