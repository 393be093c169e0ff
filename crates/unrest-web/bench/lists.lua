-- wrk script: filtered lists (the search page with counts per value),
-- cycling through filters, pages and both languages.
local filters = {
  "", "issue=labor.wages", "issue=housing", "issue=land&issue=finance", "tactic=strike",
  "tactic=petition&group=investors", "province=%E6%B9%96%E5%8D%97%E7%9C%81", "province=%E5%B9%BF%E4%B8%9C%E7%9C%81",
  "adcode=44", "adcode=51", "size=100-999", "size=1000-9999&issue=labor.wages", "repression=police",
  "repression=arrests&issue=land", "from=2024&to=2024", "from=2025-06&to=2025-09", "target=developer",
  "group=workers&repression=censorship", "sort=oldest", "issue=environment&size=10-99",
}
local i = 0
request = function()
  i = i + 1
  local f = filters[(i % #filters) + 1]
  local page = (math.floor(i / #filters) % 5) + 1
  local lang = (i % 2 == 0) and "en" or "zh"
  return wrk.format("GET", "/" .. lang .. "/search?" .. f .. "&page=" .. page)
end
