-- The request mix wrk sends to the shop service: reads of the catalogue and the stats, and
-- one order placed in every four requests (so the updates meet state that grows under load).
local n = 0
request = function()
  n = n + 1
  local k = n % 4
  if k == 0 then
    return wrk.format("POST", "/orders", { ["Content-Type"] = "application/json" },
                      '{"sku":"tea","qty":' .. (n % 13 + 1) .. '}')
  elseif k == 1 then
    return wrk.format("GET", "/products")
  elseif k == 2 then
    return wrk.format("GET", "/stats")
  end
  return wrk.format("GET", "/products/mug")
end
