-- A database per service (doorstroom_<service>, the platform's default name); each keeps its own event store.
CREATE DATABASE doorstroom_capacity;
CREATE DATABASE doorstroom_housing;
CREATE DATABASE doorstroom_finance;
CREATE DATABASE doorstroom_deadline;
