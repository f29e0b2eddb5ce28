"""Plain domain types shared by every layer: no Qt, no ORM."""
