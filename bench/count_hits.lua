-- wrk script: count the responses served from the page cache (X-Page-Cache: hit) across all threads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  hits = 0
  responses = 0
end

function response(status, headers, body)
  responses = responses + 1
  if headers["X-Page-Cache"] == "hit" then
    hits = hits + 1
  end
end

function done(summary, latency, requests)
  local h, r = 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    r = r + thread:get("responses")
  end
  io.write(string.format("page-cache hits: %d of %d\n", h, r))
end
