-- wrk script: event pages at random ids (set EVENTS to the number stored).
local n = tonumber(os.getenv("EVENTS") or "100000")
math.randomseed(42)
request = function()
  return wrk.format("GET", string.format("/en/events/E%06d", math.random(1, n)))
end
