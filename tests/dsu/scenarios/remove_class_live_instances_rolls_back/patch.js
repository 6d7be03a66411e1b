// Drop the legacy coupon class, but one live coupon still is one: the update must roll
// back and leave everything (including the replaced method) as it was.
module.exports = function (dsu) {
  dsu.removeClass("LegacyCoupon");
  dsu.replaceMethod("Checkout", "price", function (cents) {
    return cents;
  });
};
