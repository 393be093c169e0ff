-- wrk script: full-text search through the API, random pairs of Chinese
-- and English words with random pages, so most word pairs are new.
local words = {
  "%E7%BD%A2%E5%B7%A5", "%E8%AE%A8%E8%96%AA", "%E4%B8%9A%E4%B8%BB", "%E5%BE%81%E5%9C%B0", "%E6%A8%AA%E5%B9%85",
  "%E8%AD%A6%E5%AF%9F", "%E4%B8%8A%E8%AE%BF", "%E5%A0%B5%E8%B7%AF", "%E5%B7%A5%E5%9C%B0", "%E5%8C%BB%E9%99%A2",
  "%E5%AD%A6%E6%A0%A1", "%E5%B9%BF%E5%9C%BA", "%E6%9D%91%E6%B0%91", "%E5%B7%A5%E4%BA%BA", "%E6%8A%95%E8%B5%84%E8%80%85",
  "strike", "wages", "homeowners", "villagers", "police", "banners", "petition", "hospital", "square",
  "developer", "pension", "pollution", "investors", "deleted", "dispersed",
}
-- A new seed per run (SEED=…), so no run finds the previous run's answers cached.
math.randomseed(tonumber(os.getenv("SEED") or os.time()))
request = function()
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  local page = math.random(1, 5)
  return wrk.format("GET", "/api/v1/events?q=" .. a .. "+" .. b .. "&per_page=20&page=" .. page)
end
