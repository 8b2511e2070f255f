package nl.doorstroom.capacity.domain;

/** To whom a CNO location is handed over when the CNO winds down (III.2.4). */
public enum HandOverRecipient { COA, GEMEENTE }
