-- Posts a distinct comment per request to Isso. args: path (with ?uri=), nonce
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  path, nonce = args[1], args[2]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local id = nonce .. "-" .. tid .. "-" .. counter
  local body = '{"text":"Reader note ' .. id .. ': the budget vote was closer than the fronts said.",'
    .. '"title":"Bench article"}'
  return wrk.format(nil, path, nil, body)
end
