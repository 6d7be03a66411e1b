class Shop {
  name = "shop";
  opening = { monday: "09:00-18:00", tuesday: "09:00-18:00", saturday: "10:00-14:00" };
  holidays = [
    "2024-12-25",
    "2025-01-01",
  ];
}
